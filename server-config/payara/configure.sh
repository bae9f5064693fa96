#!/usr/bin/env bash
# Prepares a Payara Server 6 domain for PulseVault (the asadmin counterpart of wildfly/configure.cli):
# MicroProfile Health and Metrics on the HTTP port without credentials, request headers up to 32 KiB
# (tus metadata), Jaffree's logging at SEVERE, and optionally the pulsevault.* settings and one
# listen address.
#
#   server-config/payara/configure.sh [--domain NAME] [--properties FILE] [--bind-address ADDRESS] \
#                                     [asadmin program options]
#
#   --domain NAME         a domain on this machine: if it is stopped, it is started for the
#                         configuration and stopped again afterwards (run it with the server stopped,
#                         like configure.cli). Without --domain the DAS must be running.
#   --properties FILE     pulsevault.* and mp.jwt.* (token verification) settings, one name=value a line (# starts a comment line), stored
#                         as MicroProfile Config properties of the domain (config source "domain",
#                         ordinal 110: above the EAR's defaults, below PULSEVAULT_* environment
#                         variables and -D system properties). The secrets pulsevault.hmac.secret,
#                         pulsevault.hmac.previous-secret and pulsevault.redis.password go to the
#                         domain's password alias store instead (config source "password", encrypted,
#                         never in domain.xml). Keep this file readable by its owner only.
#   --bind-address ADDR   listen only on ADDR (HTTP, HTTPS, admin, IIOP, JMX, Data Grid); takes effect
#                         at the next start of the domain. (With JMX on one address Payara 6 logs a
#                         harmless SEVERE "Error stopping RMIConnector" when the domain stops.)
#   asadmin program options, passed to every asadmin call: --host, --port, --user, --passwordfile,
#                         --secure, ... (or the AS_ADMIN_HOST, AS_ADMIN_PORT, AS_ADMIN_USER,
#                         AS_ADMIN_PASSWORDFILE environment variables asadmin reads itself).
#
# asadmin is $PAYARA_HOME/bin/asadmin when PAYARA_HOME is set, else the one on PATH. Non-interactive:
# an administrator password comes from --passwordfile (AS_ADMIN_PASSWORD=...). Safe to run again.
set -euo pipefail

domain=""
properties=""
bind_address=""
passwordfile=${AS_ADMIN_PASSWORDFILE:-}
admin_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --domain) domain=$2; shift 2 ;;
    --domain=*) domain=${1#*=}; shift ;;
    --properties) properties=$2; shift 2 ;;
    --properties=*) properties=${1#*=}; shift ;;
    --bind-address) bind_address=$2; shift 2 ;;
    --bind-address=*) bind_address=${1#*=}; shift ;;
    --passwordfile) passwordfile=$2; shift 2 ;;
    --passwordfile=*) passwordfile=${1#*=}; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) admin_options+=("$1"); shift ;;
  esac
done
if [ -n "${PAYARA_HOME:-}" ]; then asadmin_bin=$PAYARA_HOME/bin/asadmin; else asadmin_bin=asadmin; fi
if [ -n "$properties" ] && [ ! -r "$properties" ]; then
  echo "configure.sh: cannot read $properties" >&2
  exit 2
fi

# asadmin with the administrator's program options; $1 may be --passwordfile=FILE to use another file
asadmin() {
  local file=$passwordfile
  case "${1:-}" in --passwordfile=*) file=${1#*=}; shift ;; esac
  if [ -n "$file" ]; then
    "$asadmin_bin" --interactive=false "${admin_options[@]}" --passwordfile "$file" "$@"
  else
    "$asadmin_bin" --interactive=false "${admin_options[@]}" "$@"
  fi
}

started_here=""
secret_file=""
finish() {
  if [ -n "$secret_file" ]; then rm -f "$secret_file"; fi
  if [ -n "$started_here" ]; then "$asadmin_bin" --interactive=false stop-domain "$domain"; fi
}
trap finish EXIT

# --- a stopped local domain is started for the configuration and stopped again afterwards
if [ -n "$domain" ] && ! asadmin uptime >/dev/null 2>&1; then
  "$asadmin_bin" --interactive=false start-domain "$domain"
  started_here=yes
fi

# --- MicroProfile Health at http://<host>:<http port>/health (/health/live, /health/ready), for
# load balancers and monitoring without credentials (it reveals no patient data)
asadmin set-microprofile-healthcheck-configuration --enabled=true --endpoint=health --securityenabled=false
# --- MicroProfile Metrics (Prometheus format) at http://<host>:<http port>/metrics
asadmin set-metrics-configuration --enabled=true --endpoint=metrics --securityenabled=false

# --- tus puts up to 8 KiB of Upload-Metadata in one header; Grizzly's default of 8 KiB for all
# request headers together would refuse such a request with a bare 400 before the vault sees it.
# (Request bodies are not capped: max-post-size-bytes is -1; the vault enforces pulsevault.upload.max-size.)
config=configs.config.server-config
asadmin set \
  "$config.network-config.protocols.protocol.http-listener-1.http.header-buffer-length-bytes=32768" \
  "$config.network-config.protocols.protocol.http-listener-2.http.header-buffer-length-bytes=32768"

# --- An access log (logs/access/), written as requests finish. The vault keeps patient data out of
# every URL (search terms travel in a body), so it holds none.
asadmin set "$config.http-service.access-logging-enabled=true" "$config.http-service.access-log.write-interval-seconds=0"

# --- Jaffree (the ffmpeg wrapper) logs every command line at INFO and a "no progress listener"
# warning per run; the vault logs what matters about a transcode itself
asadmin set-log-levels com.github.kokorin.jaffree=SEVERE

# --- pulsevault.* settings
if [ -n "$properties" ]; then
  aliases=$(asadmin list-password-aliases)
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case "$line" in ''|'#'*) continue ;; esac
    name=$(printf '%s' "${line%%=*}" | tr -d '[:space:]')
    value=${line#*=}
    case "$name" in
      pulsevault.*|mp.jwt.*) ;;
      *) echo "configure.sh: $properties: not a pulsevault.* or mp.jwt.* setting: $name" >&2; exit 2 ;;
    esac
    case "$name" in
      pulsevault.hmac.secret|pulsevault.hmac.previous-secret|pulsevault.redis.password)
        # asadmin reads one password file: the administrator's password (if any) and the alias value
        secret_file=$(umask 077; mktemp)
        if [ -n "$passwordfile" ]; then grep -v '^AS_ADMIN_ALIASPASSWORD=' "$passwordfile" > "$secret_file" || true; fi
        printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" >> "$secret_file"
        if printf '%s\n' "$aliases" | grep -qx "$name"; then verb=update-password-alias; else verb=create-password-alias; fi
        asadmin --passwordfile="$secret_file" "$verb" "$name"
        rm -f "$secret_file"
        secret_file=""
        ;;
      *)
        asadmin set-config-property --source=domain --propertyName="$name" --propertyValue="$value"
        ;;
    esac
  done < "$properties"
fi

# --- listen on one address only
if [ -n "$bind_address" ]; then
  asadmin set \
    "$config.network-config.network-listeners.network-listener.http-listener-1.address=$bind_address" \
    "$config.network-config.network-listeners.network-listener.http-listener-2.address=$bind_address" \
    "$config.network-config.network-listeners.network-listener.admin-listener.address=$bind_address" \
    "$config.iiop-service.iiop-listener.orb-listener-1.address=$bind_address" \
    "$config.iiop-service.iiop-listener.SSL.address=$bind_address" \
    "$config.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=$bind_address" \
    "$config.admin-service.jmx-connector.system.address=$bind_address"
  asadmin set-hazelcast-configuration --interfaces="$bind_address" --dasbindaddress="$bind_address"
  # without this the Data Grid still listens on every address
  if ! asadmin list-jvm-options | grep -qx -- '-Dhazelcast.socket.bind.any=false'; then
    asadmin create-jvm-options -- '-Dhazelcast.socket.bind.any=false'
  fi
fi

if [ -z "$started_here" ] && [ -n "$bind_address" ]; then
  echo "configure.sh: restart the domain for the new listen address to take effect" >&2
fi
