#!/usr/bin/env bash
# Upload throughput against the disk's own fsync'd write speed, measured in the same run:
#   bench/upload-bench.sh [size in MiB, default 1024]
# Starts its own WildFly (port offset 300) and Redis, uploads one random file through the stock
# tus-java-client with 8 MiB and with 64 MiB PATCH requests, finalizes each, and prints the figures.
# tus-java-client streams every PATCH in 4 KiB HTTP chunks (setChunkedStreamingMode(0)), which costs
# CPU on both ends; a third run sends the same 64 MiB PATCHes with curl and a Content-Length, to show
# what the vault itself sustains.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size_mib=${1:-1024}
work=$(mktemp -d "${TMPDIR:-/tmp}/pulsevault-bench.XXXXXX")
. "$root/bench/lib.sh"
trap 'stop_vault; rm -rf "$work"; true' EXIT
start_vault
mvn -B -q -ntp dependency:copy -Dartifact=io.tus.java.client:tus-java-client:0.5.1 -DoutputDirectory="$work" >/dev/null

echo "== $(nproc) cores, $(df -h "$media" | awk 'NR==2 {print $1}') =="
head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$work/upload.bin"
dd_line=$(dd if=/dev/zero of="$media/dd.bin" bs=8M count=$((size_mib / 8)) conv=fsync 2>&1 | tail -n 1)
rm -f "$media/dd.bin"
dd_mbs=$(echo "$dd_line" | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^[MG]B\/s$/) { v = $(i-1); if ($i == "GB/s") v *= 1000; print v }}')
echo "dd bs=8M conv=fsync:        ${dd_mbs} MB/s ($dd_line)"
for chunk in 8 64; do
  line=$(java -cp "$work/tus-java-client-0.5.1.jar" "$root/bench/UploadBench.java" "$api" "$work/upload.bin" $chunk "$token")
  echo "$line"
  mbs=$(echo "$line" | awk '{print $5}')
  awk -v a="$mbs" -v b="$dd_mbs" -v c=$chunk 'BEGIN { printf "  ratio to dd-fsync (%d MiB): %.2f\n", c, a / b }'
done

# the same protocol by hand: 64 MiB PATCHes with a Content-Length, parts read from memory
parts=/dev/shm/pulsevault-bench-$$; mkdir -p "$parts"; trap 'rm -rf "$parts"' RETURN 2>/dev/null || true
split -b 64M -d -a 3 "$work/upload.bin" "$parts/p"
location=$(curl -si -X POST -H "Authorization: Bearer $token" "${api}uploads" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $((size_mib * 1024 * 1024))" \
  | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
start=$(date +%s.%N); offset=0
for part in "$parts"/p*; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $token" "$location" -H 'Tus-Resumable: 1.0.0' -H "Upload-Offset: $offset" \
    -H 'Content-Type: application/offset+octet-stream' -H 'Expect:' --data-binary @"$part")
  [ "$code" = 204 ] || { echo "PATCH failed: $code" >&2; exit 1; }
  offset=$((offset + $(stat -c %s "$part")))
done
end=$(date +%s.%N)
rm -rf "$parts"
awk -v b=$offset -v s="$start" -v e="$end" -v d="$dd_mbs" 'BEGIN {
  printf "upload   64 MiB PATCHes with curl (Content-Length): %7.1f MB/s (%.1f s)\n  ratio to dd-fsync: %.2f\n", b / 1e6 / (e - s), e - s, b / 1e6 / (e - s) / d }'
