#!/usr/bin/env bash
# start-keycloak.sh KEYCLOAK_HOME HTTP_PORT MGMT_PORT REALM_DIR DATA_DIR PIDFILE LOGFILE
#
# Starts Keycloak (start-dev, H2 dev-file) in the background, bound to 127.0.0.1, and waits
# for http://127.0.0.1:MGMT_PORT/health/ready (max ${KC_START_TIMEOUT:-180} s).
#
#  * Realm import: every *.json in REALM_DIR is copied to DATA_DIR/import/<realm>-realm.json
#    (Keycloak aborts on "File name / realm name mismatch" otherwise) and imported at
#    startup with strategy IGNORE_EXISTING (an existing realm is NOT updated; delete
#    DATA_DIR/data, or set KC_RESET_DATA=true, to re-import). We pass
#    -Dkeycloak.migration.dir=DATA_DIR/import instead of --import-realm, because
#    --import-realm is hard-wired to KEYCLOAK_HOME/data/import.
#  * State lives in DATA_DIR, so several launchers can share one KEYCLOAK_HOME:
#      H2 database   DATA_DIR/data/h2/keycloakdb.mv.db   (-Dkc.db-url-path=DATA_DIR)
#      JTA tx log    DATA_DIR/data/transaction-logs      (quarkus object-store directory)
#  * HTTP access log (category org.keycloak.http.access-log) goes to the console, i.e. into
#    LOGFILE (truncated on each start); pattern "combined" (adds referer + user-agent,
#    override with KC_ACCESS_LOG_PATTERN=common or a custom Quarkus pattern). Count JWKS fetches:
#      grep -c '"GET /realms/<realm>/protocol/openid-connect/certs' LOGFILE
#    KC_ACCESS_LOG_FILE=/path/access.log additionally writes ONLY the access-log lines,
#    plain text, to that file (Quarkus named file handler; truncated on each start).
#  * PIDFILE receives the pid of the Keycloak *java* process (not the kc.sh wrapper).
#    kc.sh normally runs java as a child; if it has to re-augment (first start-dev after
#    unzip, or after build options changed) the first java exits with 10 and kc.sh
#    exec's a new java in its own pid. We resolve the final java pid after readiness.
#  * Starts on the same KEYCLOAK_HOME are serialized with flock (re-augmentation rewrites
#    KEYCLOAK_HOME/lib/quarkus, which must not happen while another instance boots).
#  * The issuer is pinned: --hostname=http://127.0.0.1:HTTP_PORT, or KC_PUBLIC_URL (e.g.
#    http://ward-pc.hospital.local:8280) when clients reach it by another name; KC_BIND (default
#    127.0.0.1) is the address it listens on
#  * Extra kc.sh options can be appended with KC_EXTRA_ARGS (word-split), e.g.
#      KC_EXTRA_ARGS="--log-level=INFO,org.keycloak.events:DEBUG"
#    Environment such as KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD is passed through.
set -euo pipefail

if [ $# -ne 7 ]; then
  echo "usage: $0 KEYCLOAK_HOME HTTP_PORT MGMT_PORT REALM_DIR DATA_DIR PIDFILE LOGFILE" >&2
  exit 2
fi
KC_HOME=$(cd "$1" && pwd)
HTTP_PORT=$2
MGMT_PORT=$3
REALM_DIR=$(cd "$4" && pwd)
mkdir -p "$5"
DATA_DIR=$(cd "$5" && pwd)
PIDFILE=$6
LOGFILE=$7
TIMEOUT=${KC_START_TIMEOUT:-180}

die() { echo "start-keycloak: $*" >&2; exit 1; }

[ -x "$KC_HOME/bin/kc.sh" ] || die "$KC_HOME/bin/kc.sh not found"
for p in "$HTTP_PORT" "$MGMT_PORT"; do
  [[ $p =~ ^[0-9]+$ ]] || die "bad port: $p"
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then die "port $p is already in use"; fi
done
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  die "PIDFILE $PIDFILE points to running pid $(cat "$PIDFILE"); stop it first"
fi
shopt -s nullglob
realms=("$REALM_DIR"/*.json)
[ ${#realms[@]} -gt 0 ] || die "no *.json realm files in $REALM_DIR"

if [ "${KC_RESET_DATA:-false}" = true ]; then rm -rf "$DATA_DIR/data"; fi
mkdir -p "$DATA_DIR/import" "$DATA_DIR/data" "$(dirname "$PIDFILE")" "$(dirname "$LOGFILE")"
realm_name() { # value of the top-level "realm" key
  if command -v jq >/dev/null; then jq -r '.realm // empty' "$1"
  else sed -n 's/^ *"realm" *: *"\([^"]*\)".*/\1/p' "$1" | head -1; fi
}
rm -f "$DATA_DIR"/import/*.json
# The dir importer insists on "<realm>-realm.json" for files ending in -realm.json
# ("File name / realm name mismatch" aborts startup), so copy under the canonical name.
names=()
for r in "${realms[@]}"; do
  n=$(realm_name "$r")
  [ -n "$n" ] || die "$r has no top-level \"realm\" name"
  cp "$r" "$DATA_DIR/import/$n-realm.json"
  names+=("$n")
done
rm -f "$PIDFILE"
: > "$LOGFILE"

# optional dedicated plain-text access log file (in addition to the console/LOGFILE)
access_file_opts=()
if [ -n "${KC_ACCESS_LOG_FILE:-}" ]; then
  mkdir -p "$(dirname "$KC_ACCESS_LOG_FILE")"; : > "$KC_ACCESS_LOG_FILE"
  access_file_opts=(
    '-Dquarkus.log.handler.file."ACCESS".enable=true'
    "-Dquarkus.log.handler.file.\"ACCESS\".path=$KC_ACCESS_LOG_FILE"
    '-Dquarkus.log.handler.file."ACCESS".format=%s%n'
    '-Dquarkus.log.file.json.enabled=false'   # else the named handler writes JSON
    '-Dquarkus.log.category."org.keycloak.http.access-log".handlers=ACCESS'
  )
fi

# serialize starts on this KEYCLOAK_HOME (fd 9 is NOT inherited by Keycloak: closed below)
exec 9>"$KC_HOME/.start-keycloak.lock"
flock -w "$TIMEOUT" 9 || die "timeout waiting for $KC_HOME/.start-keycloak.lock"

# shellcheck disable=SC2086
setsid "$KC_HOME/bin/kc.sh" \
  "-Dkc.db-url-path=$DATA_DIR" \
  "-Dkeycloak.migration.dir=$DATA_DIR/import" \
  "-Dquarkus.transaction-manager.object-store.directory=$DATA_DIR/data/transaction-logs" \
  ${access_file_opts[@]+"${access_file_opts[@]}"} \
  start-dev \
  "--http-host=${KC_BIND:-127.0.0.1}" \
  "--http-port=$HTTP_PORT" \
  "--http-management-port=$MGMT_PORT" \
  "--hostname=${KC_PUBLIC_URL:-http://127.0.0.1:$HTTP_PORT}" \
  --health-enabled=true \
  --http-access-log-enabled=true \
  "--http-access-log-pattern=${KC_ACCESS_LOG_PATTERN:-combined}" \
  --log-console-color=false \
  ${KC_EXTRA_ARGS:-} \
  </dev/null >>"$LOGFILE" 2>&1 9>&- &
WRAPPER=$!

java_pid() { # the java process of this launch: wrapper itself (after exec) or its java child
  if [ "$(cat /proc/$WRAPPER/comm 2>/dev/null)" = java ]; then echo "$WRAPPER"; return; fi
  pgrep -P "$WRAPPER" -x java | head -1
}

fail() {
  echo "start-keycloak: $*" >&2
  echo "----- last 40 lines of $LOGFILE -----" >&2
  tail -n 40 "$LOGFILE" >&2
  kill -TERM -- "-$WRAPPER" 2>/dev/null || true   # whole process group (kc.sh + java)
  for _ in $(seq 1 20); do pgrep -g "$WRAPPER" >/dev/null || break; sleep 1; done
  kill -KILL -- "-$WRAPPER" 2>/dev/null || true
  wait "$WRAPPER" 2>/dev/null || true
  rm -f "$PIDFILE"
  exit 1
}

start=$(date +%s)
while :; do
  pid=$(java_pid || true)
  [ -n "$pid" ] && echo "$pid" > "$PIDFILE"      # provisional, so stop-keycloak.sh works early
  if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$MGMT_PORT/health/ready" 2>/dev/null; then
    break
  fi
  kill -0 "$WRAPPER" 2>/dev/null || fail "Keycloak exited during startup"
  [ $(( $(date +%s) - start )) -ge "$TIMEOUT" ] && fail "not ready after ${TIMEOUT}s"
  sleep 1
done
pid=$(java_pid)
[ -n "$pid" ] || fail "ready, but cannot find the java pid"
echo "$pid" > "$PIDFILE"
flock -u 9
echo "Keycloak ready in $(( $(date +%s) - start ))s: http://127.0.0.1:$HTTP_PORT (mgmt $MGMT_PORT), java pid $pid, data $DATA_DIR"
for n in "${names[@]}"; do
  echo "  issuer ${KC_PUBLIC_URL:-http://127.0.0.1:$HTTP_PORT}/realms/$n  jwks ${KC_PUBLIC_URL:-http://127.0.0.1:$HTTP_PORT}/realms/$n/protocol/openid-connect/certs"
done
exit 0
