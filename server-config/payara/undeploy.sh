#!/usr/bin/env bash
# Undeploys application "pulsevault" from a running Payara Server 6 domain. Transcode consumers stop
# and a job in progress goes back to the queue; uploads, videos and the audit trail stay on disk.
#
#   server-config/payara/undeploy.sh [asadmin program options]
#
# asadmin program options (--host, --port, --user, --passwordfile, ...) or the AS_ADMIN_* environment
# variables select the DAS; asadmin is $PAYARA_HOME/bin/asadmin when PAYARA_HOME is set, else the one
# on PATH.
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac
if [ -n "${PAYARA_HOME:-}" ]; then asadmin_bin=$PAYARA_HOME/bin/asadmin; else asadmin_bin=asadmin; fi
exec "$asadmin_bin" --interactive=false "$@" undeploy pulsevault
