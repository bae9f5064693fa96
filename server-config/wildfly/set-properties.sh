#!/usr/bin/env bash
# Sets pulsevault.* and mp.jwt.* (token verification) properties as WildFly system properties (MicroProfile Config reads them; they show
# under Configuration > System Properties in the admin console). Idempotent: a property that exists is
# overwritten. Takes a properties file of key=value lines; other keys and # comments are ignored:
#   JBOSS_HOME=/opt/wildfly server-config/wildfly/set-properties.sh pulsevault.properties [jboss-cli options]
# Redeploy (deploy.sh) or restart afterwards: the vault reads its configuration when it starts.
# Keep pulsevault.hmac.secret out of here (system properties are stored in plain text in
# standalone-full.xml): use the PULSEVAULT_HMAC_SECRET environment variable or the generated key file.
set -euo pipefail
file=${1:?usage: set-properties.sh pulsevault.properties [jboss-cli options]}
shift
script=$(mktemp)
trap 'rm -f "$script"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in pulsevault.*=*|mp.jwt.*=*) ;; *) continue ;; esac
  key=${line%%=*}
  value=${line#*=}
  key=$(echo "$key" | tr -d '[:space:]')
  [[ "$key" =~ ^(pulsevault|mp\.jwt)\.[a-z0-9.-]+$ ]] || { echo "not a property name: $key" >&2; exit 2; }
  value=${value//\\/\\\\}
  value=${value//\"/\\\"}
  cat >> "$script" <<CLI
if (outcome != success) of /system-property=$key:read-resource
  /system-property=$key:add(value="$value")
else
  /system-property=$key:write-attribute(name=value, value="$value")
end-if
CLI
done < "$file"
[ -s "$script" ] || { echo "no pulsevault.* or mp.jwt.* properties in $file" >&2; exit 2; }
exec "${JBOSS_HOME:?set JBOSS_HOME to the WildFly installation}/bin/jboss-cli.sh" --connect "$@" --file="$script"
