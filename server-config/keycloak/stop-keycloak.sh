#!/usr/bin/env bash
# stop-keycloak.sh PIDFILE
# SIGTERM the Keycloak java pid from PIDFILE, wait up to ${KC_STOP_TIMEOUT:-20} s, then SIGKILL.
# Refuses to signal a pid that is not a Keycloak java process (stale PIDFILE / pid reuse).
set -u
if [ $# -ne 1 ]; then echo "usage: $0 PIDFILE" >&2; exit 2; fi
PIDFILE=$1
TIMEOUT=${KC_STOP_TIMEOUT:-20}

[ -f "$PIDFILE" ] || { echo "stop-keycloak: no $PIDFILE, nothing to stop"; exit 0; }
pid=$(tr -dc '0-9' < "$PIDFILE")
[ -n "$pid" ] || { echo "stop-keycloak: empty $PIDFILE" >&2; rm -f "$PIDFILE"; exit 0; }

if ! kill -0 "$pid" 2>/dev/null; then
  echo "stop-keycloak: pid $pid not running"; rm -f "$PIDFILE"; exit 0
fi
if ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'kc.home.dir=.*quarkus-run.jar'; then
  echo "stop-keycloak: pid $pid is not a Keycloak java process; not touching it" >&2
  exit 1
fi

kill -TERM "$pid"
for ((i = 0; i < TIMEOUT * 4; i++)); do
  kill -0 "$pid" 2>/dev/null || { echo "stop-keycloak: pid $pid stopped (SIGTERM)"; rm -f "$PIDFILE"; exit 0; }
  sleep 0.25
done
echo "stop-keycloak: pid $pid still alive after ${TIMEOUT}s, sending SIGKILL" >&2
kill -KILL "$pid" 2>/dev/null
for ((i = 0; i < 20; i++)); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.25
done
if kill -0 "$pid" 2>/dev/null; then echo "stop-keycloak: pid $pid survived SIGKILL" >&2; exit 1; fi
rm -f "$PIDFILE"
echo "stop-keycloak: pid $pid killed"
exit 0
