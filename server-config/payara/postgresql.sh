#!/usr/bin/env bash
# Gives a Payara domain a PostgreSQL datasource for the PulseVault catalog (the asadmin counterpart of
# wildfly/postgresql.cli): the JDBC driver as a common library, a connection pool and the JDBC resource
# jdbc/pulsevault-catalog; then set pulsevault.catalog.datasource=jdbc/pulsevault-catalog (configure.sh
# --properties) and redeploy. Safe to run again (a changed URL, user or password replaces the pool).
#
#   server-config/payara/postgresql.sh --jar postgresql-42.7.14.jar --properties catalog-db.properties \
#                                      [--domain NAME] [asadmin program options]
#
#   --jar FILE          org.postgresql:postgresql from Maven Central
#   --properties FILE   the same file as for wildfly/postgresql.cli (readable by its owner only):
#                         pulsevault.pg.url=jdbc:postgresql://db.internal:5432/pulsevault
#                         pulsevault.pg.user=pulsevault
#                         pulsevault.pg.password=...
#                       The password goes to the domain's password alias store
#                       (pulsevault-catalog-db-password), never into domain.xml.
#   --domain NAME       a local domain: started if it is stopped, and restarted when the driver was
#                       new (Payara loads common libraries at start), stopped again if it was stopped.
#                       Without --domain the DAS must be running; restart it yourself after the first run.
#   asadmin program options, passed to every call: --host, --port, --user, --passwordfile, ...
set -euo pipefail

jar="" properties="" domain=""
passwordfile=${AS_ADMIN_PASSWORDFILE:-}
admin_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --jar=*) jar=${1#*=}; shift ;;
    --properties) properties=$2; shift 2 ;;
    --properties=*) properties=${1#*=}; shift ;;
    --domain) domain=$2; shift 2 ;;
    --domain=*) domain=${1#*=}; shift ;;
    --passwordfile) passwordfile=$2; shift 2 ;;
    --passwordfile=*) passwordfile=${1#*=}; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) admin_options+=("$1"); shift ;;
  esac
done
[ -r "$jar" ] || { echo "postgresql.sh: --jar: cannot read ${jar:-(none)}" >&2; exit 2; }
[ -r "$properties" ] || { echo "postgresql.sh: --properties: cannot read ${properties:-(none)}" >&2; exit 2; }
if [ -n "${PAYARA_HOME:-}" ]; then asadmin_bin=$PAYARA_HOME/bin/asadmin; else asadmin_bin=asadmin; fi

value() { sed -n "s/^[[:space:]]*$1[[:space:]]*=//p" "$properties" | tail -n 1 | sed 's/\r$//'; }
url=$(value pulsevault.pg.url) user=$(value pulsevault.pg.user) password=$(value pulsevault.pg.password)
for v in url user password; do
  [ -n "${!v}" ] || { echo "postgresql.sh: $properties has no pulsevault.pg.$v" >&2; exit 2; }
done

pool=pulsevault-catalog-pool
resource=jdbc/pulsevault-catalog
alias_name=pulsevault-catalog-db-password

asadmin() {
  local file=$passwordfile
  case "${1:-}" in --passwordfile=*) file=${1#*=}; shift ;; esac
  if [ -n "$file" ]; then
    "$asadmin_bin" --interactive=false "${admin_options[@]}" --passwordfile "$file" "$@"
  else
    "$asadmin_bin" --interactive=false "${admin_options[@]}" "$@"
  fi
}

started_here="" secret_file=""
finish() {
  if [ -n "$secret_file" ]; then rm -f "$secret_file"; fi
  if [ -n "$started_here" ]; then "$asadmin_bin" --interactive=false stop-domain "$domain" >/dev/null; fi
}
trap finish EXIT
if [ -n "$domain" ] && ! asadmin uptime >/dev/null 2>&1; then
  "$asadmin_bin" --interactive=false start-domain "$domain" >/dev/null
  started_here=yes
fi

# --- the driver, for every application of the domain (domains/<domain>/lib)
jar_name=$(basename "$jar")
if ! asadmin list-libraries --type common | grep -qx "$jar_name"; then
  asadmin add-library --type common "$jar"
  if [ -n "$domain" ]; then
    "$asadmin_bin" --interactive=false "${admin_options[@]}" restart-domain "$domain" >/dev/null
  else
    echo "postgresql.sh: restart the domain so that it loads $jar_name" >&2
  fi
fi

# --- the password in the alias store
secret_file=$(umask 077; mktemp)
if [ -n "$passwordfile" ]; then grep -v '^AS_ADMIN_ALIASPASSWORD=' "$passwordfile" > "$secret_file" || true; fi
printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$password" >> "$secret_file"
if asadmin list-password-aliases | grep -qx "$alias_name"; then verb=update-password-alias; else verb=create-password-alias; fi
asadmin --passwordfile="$secret_file" "$verb" "$alias_name"
rm -f "$secret_file"; secret_file=""

# --- pool and resource, replaced as a whole
if asadmin list-jdbc-resources | grep -qx "$resource"; then asadmin delete-jdbc-resource "$resource"; fi
if asadmin list-jdbc-connection-pools | grep -qx "$pool"; then asadmin delete-jdbc-connection-pool "$pool"; fi
esc() { printf '%s' "$1" | sed 's/[\\:=]/\\&/g'; } # asadmin --property separates with ':' and '='
asadmin create-jdbc-connection-pool \
  --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --steadypoolsize 0 --maxpoolsize 20 \
  --isconnectvalidatereq=true --validationmethod auto-commit --failconnection=true \
  --property "url=$(esc "$url"):user=$(esc "$user"):password=\${ALIAS=$alias_name}" \
  "$pool"
asadmin create-jdbc-resource --connectionpoolid "$pool" "$resource"
asadmin ping-connection-pool "$pool"
echo "postgresql.sh: $resource is ready; set pulsevault.catalog.datasource=$resource and redeploy" >&2
