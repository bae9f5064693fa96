#!/usr/bin/env bash
# The integration tests' Payara domain: created fresh on every run (no deployment, log or setting of
# an earlier run survives), then prepared by server-config/payara/configure.sh exactly as an
# administrator would run it, listening on 127.0.0.1 only. Arquillian starts it afterwards.
#   PAYARA_HOME=... prepare-domain.sh DOMAIN PORTBASE ADMIN_PORT PROPERTIES_FILE
set -euo pipefail
domain=$1 portbase=$2 admin_port=$3 properties=$4
asadmin=$PAYARA_HOME/bin/asadmin
here=$(cd "$(dirname "$0")" && pwd)

if [ -d "$PAYARA_HOME/glassfish/domains/$domain" ]; then
  # a run that was cut short may have left its server behind
  "$asadmin" --interactive=false stop-domain "$domain" >/dev/null 2>&1 || true
  "$asadmin" --interactive=false delete-domain "$domain"
fi
"$asadmin" --interactive=false create-domain --nopassword --portbase "$portbase" "$domain"
"$here/../../../../server-config/payara/configure.sh" --domain "$domain" --port "$admin_port" \
  --bind-address 127.0.0.1 --properties "$properties"
