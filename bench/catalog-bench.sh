#!/usr/bin/env bash
# The catalog at scale, on H2 (the server's default datasource) and on PostgreSQL:
#   bench/catalog-bench.sh [videos, default 100000] [videos for the rebuild rate, default 10000]
# 1. Generates two media roots of synthetic videos (bench/CatalogGen.java: meta.json written by the vault's
#    own MetaJsonVideoRepository, fsync per file) under bench/target/catalog/, and keeps them: a later run
#    with the same sizes reuses them (delete bench/target/catalog to generate again).
# 2. For each database, starts the real EAR in a private WildFly (port offset 450: HTTP 8530;
#    one Keycloak with the demo realm and one Redis for the whole run): on the small root (the start pass
#    copies every meta.json into the empty index: its log line gives files/s; then POST /admin/catalog/rebuild
#    as an admin, timed until GET /admin/catalog says "current"), then on the large root (start pass again,
#    then the latencies). PostgreSQL is a private cluster (server-config/postgresql/private-cluster.sh,
#    default settings) with the datasource made by server-config/wildfly/postgresql.cli; its tables are
#    dropped before each start, so every start pass fills an empty index. The files' pages are dropped from
#    the page cache (posix_fadvise) before each pass, so the passes read from the disk.
# 3. Latency (bench/CatalogLatency.java, one client, one keep-alive connection, as the demo clinician:
#    team ward-a, sees about 30 % of the videos): GET /videos?limit=50, the page 100 `next` cursors in,
#    POST /videos/search for a word in 1 % of the videos, and for a word in none (a search that finds
#    nothing reads every row); 50 warm-up requests, then 200 timed, each. On PostgreSQL the same SQL
#    statements are also timed in the database itself (pgbench -M prepared, 50 + 200): the floor under
#    what the vault adds (JAX-RS, token check, JPA, the durable access-audit line of every list).
# Prints a table; logs and query plans are kept in bench/target/catalog-logs/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
rn=${2:-10000}
warmup=50 count=200 deep=100 word=meniscectomy missing=xylophone
data=$root/bench/target/catalog           # generated media roots, kept between runs
logs=$root/bench/target/catalog-logs      # this run's logs, plans and raw figures
pgdir=$root/bench/target/catalog-pg       # the private PostgreSQL cluster (reachable by its system user)
work=$(mktemp -d "${TMPDIR:-/tmp}/pulsevault-cbench.XXXXXX")
rm -rf "$logs"; mkdir -p "$data" "$logs"
redis_port=6879 kc_port=18680 offset=450 # not the other benchmarks' ports (300): they and a test run may be up
api=http://127.0.0.1:$((8080 + offset))/pulsevault/api/v1/
issuer=http://127.0.0.1:$kc_port/realms/pulsevault
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

stop_wildfly() {
  if [ -f "$work/wildfly.pid" ]; then
    local pid; pid=$(cat "$work/wildfly.pid"); rm -f "$work/wildfly.pid"
    kill -- -"$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- -"$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/$((8080 + offset))) 2>/dev/null || break; sleep 0.5; done
  fi
}
cleanup() {
  stop_wildfly
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null
  [ -f "$work/keycloak.pid" ] && "$root/server-config/keycloak/stop-keycloak.sh" "$work/keycloak.pid" >/dev/null 2>&1
  [ -f "$pgdir/connection.properties" ] && "$root/server-config/postgresql/private-cluster.sh" stop "$pgdir" >/dev/null 2>&1
  rm -rf "$work"
  true
}
trap cleanup EXIT

"$root/bin/ensure-tools" redis-server ffmpeg ffprobe:ffmpeg curl python3 psql:postgresql-client pgbench:postgresql-client
log "building the EAR (mvn package, nothing installed)"
mvn -B -q -ntp -f "$root/pom.xml" package -DskipTests
mvn -B -q -ntp -f "$root/vault-ejb/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp_gen=$root/vault-ejb/target/classes:$(cat "$work/cp.txt")
jboss_home=$(ls -d "$root"/vault-ear/target/wildfly-*/ | head -n 1)
pg_jar=$(ls "$root"/vault-ear/target/jdbc/postgresql-*.jar | head -n 1)

# --- 1. the media roots ---------------------------------------------------------------------------
gen_notes=()
generate() { # size seed -> media root path on stdout
  local size=$1 seed=$2 media=$data/m$1
  if [ "$(cat "$media/.complete" 2>/dev/null)" = "$size $seed" ]; then
    gen_notes+=("$size videos: reused from an earlier run ($media)")
  else
    rm -rf "$media"; mkdir -p "$media"
    log "generating $size videos in $media (fsync per file)"
    local line
    line=$(java -cp "$cp_gen" "$root/bench/CatalogGen.java" "$media/videos" "$size" "$seed" 8)
    echo "$size $seed" > "$media/.complete"
    gen_notes+=("$line")
  fi
}
generate "$rn" 2
generate "$n" 1
small=$data/m$rn big=$data/m$n
meta_bytes=$(find "$big/videos" -name meta.json -printf '%s\n' | awk '{ s += $1; k++ } END { printf "%d", s / k }')

evict() { # drops the media root's meta.json pages from the page cache (only these files)
  python3 - "$1/videos" <<'PY'
import os, sys
for d in os.scandir(sys.argv[1]):
    p = os.path.join(d.path, "meta.json")
    try:
        fd = os.open(p, os.O_RDONLY)
    except FileNotFoundError:
        continue
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
PY
}

# the file side of a pass alone (no index): the first round from the disk, the next two from memory
evict "$small"
read_rounds=$(java -cp "$cp_gen" "$root/bench/CatalogRead.java" "$small/videos" 3)
R_read_cold=$(awk 'NR == 1 { print $4 " (" $3 ")" }' <<<"$read_rounds")
R_read_hot=$(awk 'NR == 3 { print $4 " (" $3 ")" }' <<<"$read_rounds")
# what one durable commit costs on this disk (PostgreSQL's own test, 8 kB writes, fdatasync)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fsync_rate=$("$pg_bin/pg_test_fsync" -s 2 -f "$data/fsync.test" 2>/dev/null | awk '/one 8kB write/ { s = 1 } s && $1 == "fdatasync" { printf "%.0f fdatasync/s (%s us each)", $2, $4; exit }' || true)
rm -f "$data/fsync.test"

# --- 2. the shared services -----------------------------------------------------------------------
redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >/dev/null &
echo $! > "$work/redis.pid"
mkdir -p "$work/keycloak/realms"
cp "$root/server-config/keycloak/pulsevault-demo-realm.json" "$work/keycloak/realms/"
log "starting Keycloak"
"$root/server-config/keycloak/start-keycloak.sh" "$(ls -d "$root"/vault-ear/target/keycloak-*/ | head -n 1)" $kc_port $((kc_port + 1)) \
  "$work/keycloak/realms" "$work/keycloak" "$work/keycloak.pid" "$logs/keycloak.log" >/dev/null
token() { # user -> access token (they live 10 minutes: fetched for each series)
  curl -sf -d grant_type=password -d client_id=pulsevault-cli -d username="$1" -d password="$1-demo" \
    "$issuer/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

log "starting PostgreSQL"
rm -rf "$pgdir"; mkdir -p "$pgdir"; chmod 755 "$pgdir"
"$root/server-config/postgresql/private-cluster.sh" start "$pgdir" >/dev/null
pgprop() { sed -n "s/^pulsevault.pg.$1=//p" "$pgdir/connection.properties"; }
psql_super() { PGPASSWORD=$(pgprop superuser-password) psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d pulsevault "$@"; }
pg_port=$(pgprop port)
pg_version=$(PGPASSWORD=$(pgprop password) psql -X -A -t -h 127.0.0.1 -p "$pg_port" -U pulsevault -d pulsevault -c 'SHOW server_version')
export PGOPTIONS='-c client_min_messages=warning'
psql_pg() { PGPASSWORD=$(pgprop password) psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U pulsevault -d pulsevault "$@"; }

# --- 3. one WildFly start -------------------------------------------------------------------------
# start_vault NAME DB MEDIA: a fresh server base for each start; DB is h2 or pg
start_vault() {
  local name=$1 db=$2 media=$3 base=$work/$1
  mkdir -p "$base/deployments"
  cp -r "$jboss_home/standalone/configuration" "$base/"
  cp "$root/vault-ear/target/pulsevault.ear" "$base/deployments/"
  local ds=()
  if [ "$db" = pg ]; then
    JBOSS_HOME=$jboss_home "$jboss_home/bin/jboss-cli.sh" -Djboss.server.base.dir="$base" -Dpulsevault.pg.jar="$pg_jar" \
      --resolve-parameter-values --properties="$pgdir/connection.properties" \
      --file="$root/server-config/wildfly/postgresql.cli" > "$logs/$name-cli.log" 2>&1
    grep -q 'PulseVaultCatalog' "$base/configuration/standalone-full.xml" || { echo "postgresql.cli did not reach $base" >&2; exit 1; }
    psql_pg -c 'DROP TABLE IF EXISTS pv_catalog_meta, pv_catalog'
    ds=(-Dpulsevault.catalog.datasource=java:jboss/datasources/PulseVaultCatalog)
  fi
  evict "$media"
  JBOSS_HOME=$jboss_home setsid "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset=$offset -Dpulsevault.media.root="$media" -Dpulsevault.redis.port=$redis_port \
    -Dmp.jwt.verify.issuer=$issuer -Dmp.jwt.verify.publickey.location=$issuer/protocol/openid-connect/certs \
    -Dmp.jwt.verify.audiences=pulsevault "${ds[@]}" > "$logs/$name.log" 2>&1 &
  echo $! > "$work/wildfly.pid"
  for _ in $(seq 1 180); do curl -sf -o /dev/null -X OPTIONS "${api}uploads" && return 0; sleep 1; done
  echo "the vault did not start; see $logs/$name.log" >&2
  exit 1
}

# pass_rate NAME FILES [NTH]: waits for the NTH (default 1st) "Catalog index up to date" line over FILES videos,
# prints "files ms files/s"
pass_rate() {
  local name=$1 files=$2 nth=${3:-1} line
  for _ in $(seq 1 $((600 + files / 50))); do
    line=$(grep -a "Catalog index up to date: [0-9]* of $files videos" "$logs/$name.log" | sed -n "${nth}p" || true)
    [ -n "$line" ] && break
    if grep -aq 'OutOfMemoryError' "$logs/$name.log"; then echo "the server ran out of memory; see $logs/$name.log" >&2; exit 1; fi
    sleep 1
  done
  [ -n "$line" ] || { echo "no catalog pass over $files videos; see $logs/$name.log" >&2; exit 1; }
  grep -a 'could not be brought up to date' "$logs/$name.log" >&2 || true
  sed 's/.*up to date: \([0-9]*\) of \([0-9]*\) videos copied, \([0-9]*\) removed, in \([0-9]*\) ms.*/\1 \4/' <<<"$line" |
    awk -v f="$files" '{ if ($1 != f) print "only " $1 " of " f " copied" > "/dev/stderr"; printf "%d %d %.0f\n", $1, $2, $1 / ($2 / 1000) }'
}

declare -A R # results: R[db.key]
measure_db() { # DB
  local db=$1 out
  # the rebuild rate on the small root: the start pass, then an operator's rebuild
  log "$db: start pass over $rn videos"
  start_vault "$db-small" "$db" "$small"
  read -r _ "R[$db.start_small_ms]" "R[$db.start_small_rate]" < <(pass_rate "$db-small" "$rn")
  for _ in $(seq 1 60); do curl -sf -H "Authorization: Bearer $(token admin)" "${api}admin/catalog" | grep -q current && break; sleep 0.5; done
  log "$db: POST /admin/catalog/rebuild over $rn videos"
  evict "$small"
  local admin t0 t1; admin=$(token admin)
  t0=$(date +%s.%N)
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" "${api}admin/catalog/rebuild"
  for _ in $(seq 1 $((1200 + rn / 10))); do
    sleep 0.1
    grep -a "Catalog index up to date: [0-9]* of $rn videos" "$logs/$db-small.log" | sed -n 2p | grep -q . &&
      curl -sf -H "Authorization: Bearer $admin" "${api}admin/catalog" | grep -q current && break
  done
  t1=$(date +%s.%N)
  read -r _ "R[$db.rebuild_ms]" "R[$db.rebuild_rate]" < <(pass_rate "$db-small" "$rn" 2)
  R[$db.rebuild_wall_rate]=$(awk -v a="$t0" -v b="$t1" -v f="$rn" 'BEGIN { printf "%.0f", f / (b - a) }')
  log "$db: POST /admin/catalog/rebuild again, files in the page cache"
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" "${api}admin/catalog/rebuild"
  read -r _ "R[$db.rebuild_hot_ms]" "R[$db.rebuild_hot_rate]" < <(pass_rate "$db-small" "$rn" 3)
  stop_wildfly

  log "$db: start pass over $n videos"
  start_vault "$db-big" "$db" "$big"
  read -r _ "R[$db.start_big_ms]" "R[$db.start_big_rate]" < <(pass_rate "$db-big" "$n")
  if [ "$db" = pg ]; then # the planner's statistics, as autovacuum would have them after a load this size
    local analyzed=""
    for _ in $(seq 1 90); do
      analyzed=$(psql_pg -c "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('pv_catalog','pv_catalog_meta') AND last_autoanalyze IS NOT NULL")
      [ "$analyzed" = 2 ] && break; sleep 1
    done
    if [ "$analyzed" = 2 ]; then R[pg.analyze]="autovacuum had analyzed both tables"; else psql_pg -c 'ANALYZE'; R[pg.analyze]="ANALYZE run by the bench (autovacuum had not yet)"; fi
  fi
  log "$db: latency ($warmup warm-up + $count timed requests each)"
  out=$(java "$root/bench/CatalogLatency.java" "$api" "$(token clinician)" $warmup $count $deep $word $missing)
  echo "$out" > "$logs/$db-latency.txt"
  while read -r kind a b c d e; do
    case $kind in
      cursor) R["$db.cursor_at"]=$a; R["$db.cursor_id"]=$b ;;
      *) R["$db.$kind"]="$a $b $c $d $e" ;;
    esac
  done <<<"$out"
  if [ "$db" = pg ]; then vault_sql; sql_floor; fi
  stop_wildfly
}

# --- 4. the same statements in PostgreSQL itself ------------------------------------------------------
# The statements the vault sent, as PostgreSQL logged them (one request of each kind, logged for this only)
vault_sql() {
  local mark; mark=$(wc -l < "$pgdir/postgresql.log")
  psql_super -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null; sleep 1
  local t; t=$(token clinician)
  curl -sf -o /dev/null -H "Authorization: Bearer $t" "${api}videos?limit=50"
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $t" -H 'Content-Type: application/json' -d "{\"text\":\"$missing\",\"limit\":50}" "${api}videos/search"
  sleep 1
  psql_super -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n +"$((mark + 1))" "$pgdir/postgresql.log" | grep -a -i -A1 'pv_catalog' > "$logs/pg-vault-sql.txt" || true
}

# As CatalogIndex builds them for the clinician (owner or team ward-a, no tombstones, newest first, 51 rows),
# with bind parameters like the vault's JDBC driver (pgbench -M prepared: one server-side statement reused,
# so PostgreSQL may settle on a generic plan, as it does for the vault's pooled connections)
sql_floor() {
  local who="(e.owner = :owner OR e.teams LIKE :team ESCAPE '!') AND e.status <> :deleted"
  local order="ORDER BY e.uploadedat DESC, e.videoid DESC LIMIT :lim"
  local at=${R[pg.cursor_at]} id=${R[pg.cursor_id]}
  declare -A q=(
    [first]="SELECT * FROM pv_catalog e WHERE $who $order"
    [deep]="SELECT * FROM pv_catalog e WHERE $who AND (e.uploadedat < :at OR (e.uploadedat = :at AND e.videoid < :id)) $order"
    [search]="SELECT * FROM pv_catalog e WHERE $who AND e.searchtext LIKE :word ESCAPE '!' $order"
    [miss]="SELECT * FROM pv_catalog e WHERE $who AND e.searchtext LIKE :none ESCAPE '!' $order"
    [rowvalue]="SELECT * FROM pv_catalog e WHERE $who AND (e.uploadedat, e.videoid) < (:at, :id) $order"
  )
  local vars=(-D owner=9001cc60-68de-56e7-a563-0ef6c8c441ce -D 'team=%|ward-a|%' -D deleted=deleted -D lim=51
    -D at="$at" -D id="$id" -D word="%$word%" -D none="%$missing%")
  local pw; pw=$(pgprop password)
  for kind in first deep search miss rowvalue; do
    echo "${q[$kind]};" > "$work/$kind.sql"
    # the plans: with the values written in (a custom plan), and the generic plan a reused statement may get
    python3 - "${q[$kind]}" "${vars[@]}" > "$work/$kind.plans.sql" <<'PY'
import re, sys
query, values = sys.argv[1], dict(v.split("=", 1) for v in sys.argv[2:] if v != "-D")
lit = lambda v: v if v.isdigit() else "'" + v.replace("'", "''") + "'"
names = list(dict.fromkeys(re.findall(r":([a-z]+)", query)))
print("\\echo -- custom plan (values in the statement)")
print("EXPLAIN (ANALYZE, BUFFERS) " + re.sub(r":([a-z]+)", lambda m: lit(values[m.group(1)]), query) + ";")
print("\\echo -- generic plan (plan_cache_mode = force_generic_plan: a prepared statement with bind parameters)")
print("SET plan_cache_mode = force_generic_plan;")
print("PREPARE q AS " + re.sub(r":([a-z]+)", lambda m: "$" + str(names.index(m.group(1)) + 1), query) + ";")
print("EXPLAIN (ANALYZE, BUFFERS) EXECUTE q(" + ", ".join(lit(values[n]) for n in names) + ");")
PY
    psql_pg -f "$work/$kind.plans.sql" > "$logs/pg-plan-$kind.txt" 2>&1 || true
    rm -f "$work"/pgb.*
    (cd "$work" && PGPASSWORD=$pw pgbench -n -h 127.0.0.1 -p "$pg_port" -U pulsevault -M prepared "${vars[@]}" -f "$work/$kind.sql" \
      -t $((warmup + count)) -l --log-prefix=pgb pulsevault > "$logs/pgbench-$kind.txt" 2>&1)
    R[sql.$kind]=$(tail -n +$((warmup + 1)) "$work"/pgb.* | awk '{ print $3 / 1000 }' | sort -n |
      awk '{ v[NR] = $1 } END { i50 = int(NR * 0.5 + 0.999); i99 = int(NR * 0.99 + 0.999); printf "%.2f %.2f", v[i50], v[i99] }')
  done
  local lwho="(e.owner = '9001cc60-68de-56e7-a563-0ef6c8c441ce' OR e.teams LIKE '%|ward-a|%' ESCAPE '!') AND e.status <> 'deleted'"
  R[pg.visible]=$(psql_pg -c "SELECT round(100.0 * count(*) FILTER (WHERE $lwho) / count(*), 1) || ' % of the videos; the word in ' || count(*) FILTER (WHERE $lwho AND e.searchtext LIKE '%$word%') || ' of them' FROM pv_catalog e")
  R[pg.rows]=$(psql_pg -c "SELECT count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('pv_catalog')) FROM pv_catalog")
  psql_pg -c "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename IN ('pv_catalog','pv_catalog_meta')" > "$logs/pg-indexes.txt"
}

measure_db h2
measure_db pg

# --- 5. the table ------------------------------------------------------------------------------
cell() { awk -v v="$1" 'BEGIN { split(v, a, " "); printf "%8.1f / %-8.1f", a[1], a[2] }'; }
goal() { awk -v v="$1" -v g="$2" 'BEGIN { split(v, a, " "); print (a[2] + 0 < g + 0 ? "met" : "NOT met") " (" a[2] " ms)" }'; }
echo
echo "== catalog bench: $n videos (rebuild rate: $rn), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(df -h "$data" | awk 'NR==2 {print $1}'); WildFly 39, PostgreSQL $pg_version (private cluster, default settings) =="
for note in "${gen_notes[@]}"; do echo "generation: $note"; done
echo "meta.json: $meta_bytes bytes on average; the clinician (owner, or team ward-a) sees ${R[pg.visible]}"
echo
printf "%-44s %-21s %-21s %-21s\n" "latency, ms (p50 / p99), $count after $warmup" "H2 (default DS)" "PostgreSQL" "PG: the SQL alone"
for kind in first deep search miss; do
  case $kind in first) label="GET /videos?limit=50, first page" ;; deep) label="GET /videos, page $((deep + 1)) (cursor)" ;;
    search) label="POST /videos/search, a word in 1 %" ;; miss) label="  same, a word in no video" ;; esac
  printf "%-44s %-21s %-21s %-21s\n" "$label" "$(cell "${R[h2.$kind]}")" "$(cell "${R[pg.$kind]}")" "$(cell "${R[sql.$kind]}")"
done
printf "%-44s %-21s %-21s %-21s\n" "  page $((deep + 1)), a row-value cursor instead" "" "" "$(cell "${R[sql.rowvalue]}")"
echo "(the SQL alone: the vault's statement in pgbench -M prepared, bind parameters, one connection; the row-value"
echo " cursor (uploadedat, videoid) < (\$1, \$2) is not what the vault sends: it shows what that form would cost)"
echo
printf "%-44s %-21s %-21s\n" "catalog pass, files/s (ms)" "H2 (default DS)" "PostgreSQL"
printf "%-44s %-21s %-21s\n" "start pass, $rn files (cold JVM)" "${R[h2.start_small_rate]} (${R[h2.start_small_ms]})" "${R[pg.start_small_rate]} (${R[pg.start_small_ms]})"
printf "%-44s %-21s %-21s\n" "POST /admin/catalog/rebuild, $rn files" "${R[h2.rebuild_rate]} (${R[h2.rebuild_ms]})" "${R[pg.rebuild_rate]} (${R[pg.rebuild_ms]})"
printf "%-44s %-21s %-21s\n" "  same, POST to \"current\" (wall)" "${R[h2.rebuild_wall_rate]}" "${R[pg.rebuild_wall_rate]}"
printf "%-44s %-21s %-21s\n" "  again, meta.json in the page cache" "${R[h2.rebuild_hot_rate]} (${R[h2.rebuild_hot_ms]})" "${R[pg.rebuild_hot_rate]} (${R[pg.rebuild_hot_ms]})"
printf "%-44s %-21s %-21s\n" "start pass, $n files (cold JVM)" "${R[h2.start_big_rate]} (${R[h2.start_big_ms]})" "${R[pg.start_big_rate]} (${R[pg.start_big_ms]})"
echo "reading the $rn meta.json alone (MetaJsonVideoRepository.get, 1 thread, no index): $R_read_cold files/s (ms) from the disk, $R_read_hot from memory"
echo "this disk: ${fsync_rate:-?} (pg_test_fsync, 8 kB write + fdatasync): the ceiling of one commit after another"
echo
echo "goals on PostgreSQL: list p99 < 50 ms: first page $(goal "${R[pg.first]}" 50), page $((deep + 1)) $(goal "${R[pg.deep]}" 50);" \
  "search p99 < 200 ms: $(goal "${R[pg.search]}" 200) (no match: $(goal "${R[pg.miss]}" 200));" \
  "rebuild >= 2,000 files/s: $(awk -v r="${R[pg.rebuild_rate]}" -v h="${R[pg.rebuild_hot_rate]}" -v s="${R[pg.start_small_rate]}" 'BEGIN { print (r + 0 >= 2000 || h + 0 >= 2000 ? "met" : "NOT met") " (" r " files/s rebuild, " h " with the files cached, " s " at start)" }')"
echo "PostgreSQL: ${R[pg.rows]}; planner statistics: ${R[pg.analyze]}"
echo "plans, logs, raw figures: $logs"
