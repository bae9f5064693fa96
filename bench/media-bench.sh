#!/usr/bin/env bash
# Serving segments: the vault (signed URL, token check, access audit) against Debian's nginx serving the
# same files statically, both on loopback, driven by wrk with Range requests at 16 and 64 connections.
# A third row, WildFly's own static file handler (welcome-content) serving the same file, shows what the
# app server itself can do without any application code:
#   bench/media-bench.sh [seconds per run, default 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/pulsevault-mbench.XXXXXX")
. "$root/bench/lib.sh"
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null; rm -f "${welcome:-/nonexistent}"; stop_vault; rm -rf "$work"; true' EXIT
"$root/bin/ensure-tools" nginx wrk
start_vault

# one transcoded video to serve
ffmpeg -v error -y -f lavfi -i testsrc2=size=1920x1080:rate=30 -t 8 -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$work/clip.mp4"
location=$(curl -si -X POST -H "Authorization: Bearer $token" "${api}uploads" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $(stat -c %s "$work/clip.mp4")" \
  | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $token" "$location" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
  -H 'Content-Type: application/offset+octet-stream' --data-binary @"$work/clip.mp4"
video=$(curl -sf -X POST -H "Authorization: Bearer $token" "${api}uploads/finalize" -H 'Content-Type: application/json' \
  -d "{\"uploadId\":\"${location##*/}\"}" | sed 's/.*"videoId":"\([^"]*\)".*/\1/')
for _ in $(seq 1 120); do grep -q '"status":"transcoded"' "$media/videos/$video/meta.json" && break; sleep 1; done
segment=chunk-4-00001.m4s # the 1080p rung's first segment
size=$(stat -c %s "$media/videos/$video/stream/$segment")

signed=$(curl -sf -X POST -H "Authorization: Bearer $token" "${api}media/sign" -H 'Content-Type: application/json' \
  -d "{\"videoId\":\"$video\",\"path\":\"stream/$segment\",\"expiresIn\":300}" | sed 's/.*"url":"\([^"]*\)".*/\1/')

cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  server {
    listen 127.0.0.1:8390;
    location /segments/ { alias $media/videos/$video/stream/; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"
static=http://127.0.0.1:8390/segments/$segment
welcome=$(ls -d "$root"/vault-ear/target/wildfly-*/welcome-content)/bench-$segment
cp "$media/videos/$video/stream/$segment" "$welcome"
undertow=http://127.0.0.1:8380/bench-$segment

run() { # url connections -> "req/s MB/s p99ms", or nan when any answer was not a 2xx (an expired token, say)
  wrk -t2 -c"$2" -d"${seconds}s" --latency -H 'Range: bytes=0-262143' "$1" | awk '
    /Non-2xx/ { print "not counted, wrk saw errors: " $0 > "/dev/stderr"; bad = 1 }
    /Requests\/sec/ { rps = $2 }
    /Transfer\/sec/ { v = $2; if (v ~ /GB/) m = v * 1000; else if (v ~ /MB/) m = v + 0; else if (v ~ /KB/) m = v / 1000; else m = v / 1e6 }
    $1 == "99%" { l = $2; if (l ~ /us$/) p = l / 1000; else if (l ~ /ms$/) p = l + 0; else p = l * 1000 }
    END { if (bad) print "nan nan nan"; else printf "%s %.1f %.2f\n", rps, m, p }'
}

# the JIT compiles the vault's request path during the first seconds: warm it up before measuring
run "$signed" 16 >/dev/null
run "$undertow" 16 >/dev/null
echo "== $(nproc) cores; ${size}-byte 1080p segment, Range: bytes=0-262143, wrk -t2, ${seconds} s per run =="
printf "%-6s %-8s %12s %10s %10s\n" "conns" "server" "requests/s" "MB/s" "p99 ms"
for c in 16 64; do
  read -r n_rps n_mbs n_p99 < <(run "$static" $c)
  read -r v_rps v_mbs v_p99 < <(run "$signed" $c)
  read -r u_rps u_mbs u_p99 < <(run "$undertow" $c)
  printf "%-6s %-8s %12.0f %10.1f %10.2f\n" "$c" "nginx" "$n_rps" "$n_mbs" "$n_p99"
  printf "%-6s %-8s %12.0f %10.1f %10.2f\n" "$c" "vault" "$v_rps" "$v_mbs" "$v_p99"
  printf "%-6s %-8s %12.0f %10.1f %10.2f\n" "$c" "wildfly" "$u_rps" "$u_mbs" "$u_p99"
  awk -v v="$v_rps" -v n="$n_rps" -v u="$u_rps" -v c=$c \
    'BEGIN { printf "%-6s vault/nginx requests: %.2f   (static WildFly/nginx: %.2f)\n", c, v / n, u / n }'
done
