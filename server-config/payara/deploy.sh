#!/usr/bin/env bash
# Deploys (or redeploys) the PulseVault EAR to a running Payara Server 6 domain as application "pulsevault":
#
#   server-config/payara/deploy.sh [asadmin program options] path/to/pulsevault.ear
#
# asadmin program options (--host, --port, --user, --passwordfile, ...) or the AS_ADMIN_* environment
# variables select the DAS; asadmin is $PAYARA_HOME/bin/asadmin when PAYARA_HOME is set, else the one
# on PATH. Prepare the domain with configure.sh first.
set -euo pipefail
if [ $# -lt 1 ] || [ "${!#}" = "-h" ] || [ "${!#}" = "--help" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
ear=${!#}
if [ ! -r "$ear" ]; then
  echo "deploy.sh: cannot read $ear" >&2
  exit 2
fi
if [ -n "${PAYARA_HOME:-}" ]; then asadmin_bin=$PAYARA_HOME/bin/asadmin; else asadmin_bin=asadmin; fi
# --force redeploys over an earlier version; the context root (/pulsevault) comes from the EAR
exec "$asadmin_bin" --interactive=false "${@:1:$#-1}" deploy --force=true --name pulsevault "$ear"
