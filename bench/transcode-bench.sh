#!/usr/bin/env bash
# One-pass ladder against one ffmpeg per rung, on the same clip, preset and bitrates:
#   bench/transcode-bench.sh [seconds, default 60]
# Prints wall time, CPU time (user + sys of ffmpeg), their ratios, and how many times realtime.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/pulsevault-tbench.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$root/bin/ensure-tools" ffmpeg
mvn -B -q -ntp -f "$root/pom.xml" compile -pl vault-ejb,vault-worker

src=$work/source.mp4
ffmpeg -v error -y -f lavfi -i testsrc2=size=1920x1080:rate=30 -f lavfi -i sine=frequency=440:sample_rate=48000 \
  -t "$seconds" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$src"

TIMEFORMAT='%R %U %S'
measure() { # runs "$@", prints "wall cpu"
  local t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' <<<"$t"
}

# this project's one-pass command, exactly as the worker builds it
mkdir -p "$work/onepass"
mapfile -t args < <(java -cp "$root/vault-worker/target/classes:$root/vault-ejb/target/classes" \
  "$root/bench/PrintLadderCommand.java" "$src" "$work/onepass" 1920 1080 "$seconds")
read -r one_wall one_cpu < <(measure ffmpeg -v error -y "${args[@]}")

# one ffmpeg process per rung (HLS, fMP4 segments), same preset, bitrates and keyframe rule
per_rung() {
  for rung in 240:400 360:800 480:1400 720:2800 1080:5000; do
    h=${rung%%:*}; kbps=${rung#*:}
    mkdir -p "$work/perrung/$h"
    ffmpeg -v error -y -nostdin -i "$src" -vf "scale=-2:$h" -c:v libx264 -preset veryfast -pix_fmt yuv420p \
      -b:v "${kbps}k" -maxrate "$((kbps * 11 / 10))k" -bufsize "$((kbps * 2))k" \
      -force_key_frames 'expr:gte(t,n_forced*4)' -sc_threshold 0 -c:a aac -b:a 128k -ac 2 \
      -f hls -hls_time 4 -hls_playlist_type vod -hls_segment_type fmp4 "$work/perrung/$h/index.m3u8"
  done
}
read -r per_wall per_cpu < <(measure per_rung)

echo "== ${seconds} s 1080p30 source, 5 rungs (240p-1080p), x264 veryfast, 4 s segments, $(nproc) cores =="
printf "%-22s %8s %8s %10s\n" "" "wall s" "cpu s" "x realtime"
printf "%-22s %8.1f %8.1f %10.2f\n" "one ffmpeg per rung" "$per_wall" "$per_cpu" "$(awk -v s="$seconds" -v w="$per_wall" 'BEGIN{print s/w}')"
printf "%-22s %8.1f %8.1f %10.2f\n" "one-pass ladder" "$one_wall" "$one_cpu" "$(awk -v s="$seconds" -v w="$one_wall" 'BEGIN{print s/w}')"
awk -v pw="$per_wall" -v ow="$one_wall" -v pc="$per_cpu" -v oc="$one_cpu" \
  'BEGIN { printf "per-rung / one-pass:   wall %.2fx, CPU %.2fx\n", pw / ow, pc / oc }'
