#!/usr/bin/env bash
# The integration tests' Keycloak: one per run, shared by the WildFly and the Payara pass.
#   it-keycloak.sh start|stop KEYCLOAK_HOME HTTP_PORT MANAGEMENT_PORT STATE_DIR
# start: stops a Keycloak an interrupted run left behind, imports this directory's realms into a fresh
# database under STATE_DIR and waits until it is ready; its HTTP access log (for the key-caching test)
# goes to STATE_DIR/access.log. stop: stops it.
set -euo pipefail
action=$1 home=$2 port=$3 management_port=$4 state=$5
here=$(cd "$(dirname "$0")" && pwd)
scripts=$here/../../../../server-config/keycloak
mkdir -p "$state"
"$scripts/stop-keycloak.sh" "$state/keycloak.pid" >/dev/null || rm -f "$state/keycloak.pid"
if [ "$action" = start ]; then
  mkdir -p "$state/realms"
  cp "$here"/*.json "$state/realms/"
  KC_RESET_DATA=true KC_ACCESS_LOG_FILE=$state/access.log \
    "$scripts/start-keycloak.sh" "$home" "$port" "$management_port" "$state/realms" "$state" \
    "$state/keycloak.pid" "$state/keycloak.log"
fi
