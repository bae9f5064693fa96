# Shared by the benchmarks: a private WildFly (port offset 300) with the EAR and a Redis, in $work.
# Sets api=http://127.0.0.1:8380/pulsevault/api/v1/ and media=<media root>.
start_vault() {
  local jboss_home redis_port=6679
  "$root/bin/ensure-tools" redis-server ffmpeg ffprobe:ffmpeg
  mvn -B -q -ntp -f "$root/pom.xml" package -DskipTests
  jboss_home=$(ls -d "$root"/vault-ear/target/wildfly-*/ | head -n 1)
  media=$root/bench/target/media # on the same file system as a real media root under the repository
  mkdir -p "$media" "$work/base/deployments"
  cp -r "$jboss_home/standalone/configuration" "$work/base/"
  cp "$root/vault-ear/target/pulsevault.ear" "$work/base/deployments/"
  redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >/dev/null &
  echo $! > "$work/redis.pid"
  JBOSS_HOME=$jboss_home setsid "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$work/base" \
    -Djboss.socket.binding.port-offset=300 -Dpulsevault.media.root="$media" -Dpulsevault.redis.port=$redis_port \
    > "$work/server.log" 2>&1 &
  echo $! > "$work/wildfly.pid"
  api=http://127.0.0.1:8380/pulsevault/api/v1/
  for _ in $(seq 1 120); do curl -sf -o /dev/null -X OPTIONS "${api}uploads" && return 0; sleep 1; done
  echo "the vault did not start; see $work/server.log" >&2
  return 1
}

# standalone.sh does not pass a TERM on to its java child: stop the whole process group
stop_vault() {
  kill -- -"$(cat "$work/wildfly.pid")" "$(cat "$work/redis.pid")" 2>/dev/null
  sleep 2
  rm -rf "$media"
}
