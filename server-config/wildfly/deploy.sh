#!/usr/bin/env bash
# Deploys the PulseVault EAR to a running WildFly, or replaces the one deployed (same name, so the
# configuration and media root stay as they are):
#   JBOSS_HOME=/opt/wildfly server-config/wildfly/deploy.sh path/to/pulsevault.ear [jboss-cli options]
# jboss-cli options reach a remote or secured server, e.g. --controller=remote+http://host:9990 --user=admin
set -euo pipefail
ear=${1:?usage: deploy.sh path/to/pulsevault.ear [jboss-cli options]}
shift
[ -f "$ear" ] || { echo "no such EAR: $ear" >&2; exit 2; }
exec "${JBOSS_HOME:?set JBOSS_HOME to the WildFly installation}/bin/jboss-cli.sh" --connect "$@" \
  --command="deploy $(realpath "$ear") --name=pulsevault.ear --force"
