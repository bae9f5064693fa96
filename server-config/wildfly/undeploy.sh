#!/usr/bin/env bash
# Undeploys PulseVault from a running WildFly. Videos, audit trail and queue are untouched; transcodes
# in progress go back to the queue for the next deployment (or another worker node).
#   JBOSS_HOME=/opt/wildfly server-config/wildfly/undeploy.sh [jboss-cli options]
set -euo pipefail
exec "${JBOSS_HOME:?set JBOSS_HOME to the WildFly installation}/bin/jboss-cli.sh" --connect "$@" \
  --command="undeploy pulsevault.ear"
