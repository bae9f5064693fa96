# Shared by the benchmarks: a private WildFly (port offset 300) with the EAR, a Redis and a Keycloak
# with the demo realm (server-config/keycloak, port 18480), in $work.
# Sets api=http://127.0.0.1:8380/pulsevault/api/v1/, media=<media root> and token=<a clinician's access token>.
start_vault() {
  local jboss_home redis_port=6679
  "$root/bin/ensure-tools" redis-server ffmpeg ffprobe:ffmpeg
  mvn -B -q -ntp -f "$root/pom.xml" package -DskipTests
  jboss_home=$(ls -d "$root"/vault-ear/target/wildfly-*/ | head -n 1)
  mkdir -p "$work/keycloak/realms"
  cp "$root/server-config/keycloak/pulsevault-demo-realm.json" "$work/keycloak/realms/"
  "$root/server-config/keycloak/start-keycloak.sh" "$(ls -d "$root"/vault-ear/target/keycloak-*/ | head -n 1)" 18480 18481 \
    "$work/keycloak/realms" "$work/keycloak" "$work/keycloak.pid" "$work/keycloak.log" >/dev/null
  local issuer=http://127.0.0.1:18480/realms/pulsevault
  media=$root/bench/target/media # on the same file system as a real media root under the repository
  mkdir -p "$media" "$work/base/deployments"
  cp -r "$jboss_home/standalone/configuration" "$work/base/"
  cp "$root/vault-ear/target/pulsevault.ear" "$work/base/deployments/"
  redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >/dev/null &
  echo $! > "$work/redis.pid"
  JBOSS_HOME=$jboss_home setsid "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$work/base" \
    -Djboss.socket.binding.port-offset=300 -Dpulsevault.media.root="$media" -Dpulsevault.redis.port=$redis_port \
    -Dmp.jwt.verify.issuer=$issuer -Dmp.jwt.verify.publickey.location=$issuer/protocol/openid-connect/certs \
    -Dmp.jwt.verify.audiences=pulsevault \
    > "$work/server.log" 2>&1 &
  echo $! > "$work/wildfly.pid"
  api=http://127.0.0.1:8380/pulsevault/api/v1/
  token=$(curl -sf -d grant_type=password -d client_id=pulsevault-cli -d username=clinician -d password=clinician-demo \
    "$issuer/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  for _ in $(seq 1 120); do curl -sf -o /dev/null -X OPTIONS "${api}uploads" && return 0; sleep 1; done
  echo "the vault did not start; see $work/server.log" >&2
  return 1
}

# standalone.sh does not pass a TERM on to its java child: stop the whole process group
stop_vault() {
  kill -- -"$(cat "$work/wildfly.pid")" "$(cat "$work/redis.pid")" 2>/dev/null
  "$root/server-config/keycloak/stop-keycloak.sh" "$work/keycloak.pid" >/dev/null
  sleep 2
  rm -rf "$media"
}
