#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and try-outs (never for production): its own data directory,
touch "$dir/postgresql.log"
if [ "$(id -u)" -eq 0 ]; then chown "$pg_user" "$dir/postgresql.log"; fi
# 127.0.0.1 only, no Unix socket, a free TCP port, one database and one user with a generated password.
#
#   server-config/postgresql/private-cluster.sh start DIR [PORT]
#   server-config/postgresql/private-cluster.sh stop DIR
#
# start: stops a cluster an interrupted run left in DIR, creates a fresh one in DIR/data (initdb), starts
#   it on PORT (default: the first free port from 15432), creates database "pulsevault" owned by user
#   "pulsevault", and writes DIR/connection.properties (mode 0600):
#     pulsevault.pg.host, .port, .database, .user, .password, .url (jdbc:postgresql://...),
#     pulsevault.pg.superuser, .superuser-password
#   Keep DIR: start again re-creates it (no data survives: PG_KEEP_DATA=true keeps an existing cluster).
# stop: stops it (fast shutdown); the data stays in DIR/data.
#
# PostgreSQL refuses to run as root: as root, the cluster runs as the system user $PG_USER
# (default "pulsevault-pg", created when missing, no login shell, no home). The binaries are those of
# $PG_BIN, else of the newest /usr/lib/postgresql/*/bin (Debian package "postgresql").
set -euo pipefail
action=${1:?usage: private-cluster.sh start|stop DIR [PORT]}
dir=${2:?usage: private-cluster.sh start|stop DIR [PORT]}
port=${3:-}
pg_user=${PG_USER:-pulsevault-pg}

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "private-cluster.sh: no PostgreSQL server binaries (install the Debian package postgresql, or set PG_BIN)" >&2
  exit 3
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
data=$dir/data
props=$dir/connection.properties

# as_pg CMD...: runs CMD as the cluster's owner
if [ "$(id -u)" -eq 0 ]; then
  if ! id -u "$pg_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$pg_user"
  fi
  as_pg() { runuser -u "$pg_user" -- "$@"; }
else
  as_pg() { "$@"; }
fi

stop_cluster() {
  if [ -f "$data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
}

case "$action" in
  stop)
    stop_cluster
    exit 0
    ;;
  start) ;;
  *) echo "private-cluster.sh: start or stop, not $action" >&2; exit 2 ;;
esac

stop_cluster
if [ -z "$port" ]; then
  port=15432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
fi

if [ "${PG_KEEP_DATA:-false}" != true ] || [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
  superuser_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' )
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  # the cluster's owner must reach DIR: a checkout under /root (mode 0700) is not reachable by it
  if [ "$(id -u)" -eq 0 ] && ! as_pg test -x "$dir"; then
    echo "private-cluster.sh: user $pg_user cannot reach $dir (a parent directory is closed to others)" >&2
    exit 4
  fi
  install -d -m 0700 "$data"
  if [ "$(id -u)" -eq 0 ]; then chown "$pg_user" "$data"; fi
  pwfile=$(mktemp)
  printf '%s\n' "$superuser_password" > "$pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown "$pg_user" "$pwfile"; fi
  as_pg "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { rm -f "$pwfile"; cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$pwfile"
  ( umask 077
    cat > "$props" <<PROPS
pulsevault.pg.host=127.0.0.1
pulsevault.pg.port=$port
pulsevault.pg.database=pulsevault
pulsevault.pg.user=pulsevault
pulsevault.pg.password=$password
pulsevault.pg.url=jdbc:postgresql://127.0.0.1:$port/pulsevault
pulsevault.pg.superuser=postgres
pulsevault.pg.superuser-password=$superuser_password
PROPS
  )
  fresh=yes
else
  superuser_password=$(sed -n 's/^pulsevault.pg.superuser-password=//p' "$props")
  sed -i "s/^pulsevault.pg.port=.*/pulsevault.pg.port=$port/; s#^pulsevault.pg.url=.*#pulsevault.pg.url=jdbc:postgresql://127.0.0.1:$port/pulsevault#" "$props"
  fresh=""
fi

touch "$dir/postgresql.log"
if [ "$(id -u)" -eq 0 ]; then chown "$pg_user" "$dir/postgresql.log"; fi
# 127.0.0.1 only, no Unix socket (its path length is limited and /var/run/postgresql may not exist)
as_pg "$bin/pg_ctl" -D "$data" -l "$dir/postgresql.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=''" start >/dev/null

if [ -n "$fresh" ]; then
  PGPASSWORD=$superuser_password "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -v password="$(sed -n 's/^pulsevault.pg.password=//p' "$props")" <<'SQL'
CREATE ROLE pulsevault LOGIN PASSWORD :'password';
CREATE DATABASE pulsevault OWNER pulsevault;
SQL
fi
echo "PostgreSQL on 127.0.0.1:$port (database pulsevault, user pulsevault; $props)"
