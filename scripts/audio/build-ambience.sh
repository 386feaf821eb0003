#!/usr/bin/env bash
# Generates the set's ambience loops in assets/audio/ambience/ with sox and ffmpeg (Debian's sox
# and ffmpeg packages). Run: npm run build:ambience. Everything is synthesised here; no recordings.
#
# Each loop is made seamless by cross-fading its last second into its first, then written twice in
# a row: the app plays a loop region (scenes/set.json audio.ambience.<id>.loop, [1000, 8000] ms)
# that lies inside the file whatever start delay an MP3 decoder adds, so it never clicks or gaps.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=assets/audio/ambience
L=8            # loop length, seconds
R=22050
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S() { sox -n -r $R -c 1 -b 16 "$@"; }

# A short knock (mallet on wood) and a key click, for the sounds built from events.
S "$T/knock.wav" synth 0.14 sine 210 synth 0.14 brownnoise mix fade q 0.002 0.14 0.12 gain -3
S "$T/click.wav" synth 0.03 whitenoise band 3500 1500 fade q 0.001 0.03 0.025 gain -14
# events NAME SOUND GAP... : SOUND separated by the given gaps (seconds), padded to L+1 s.
events() {
  local name=$1 sound=$2; shift 2
  local parts=()
  local i=0
  for gap in "$@"; do
    S "$T/gap$name$i.wav" trim 0 "$gap"
    parts+=("$T/gap$name$i.wav" "$sound")
    i=$((i+1))
  done
  sox "${parts[@]}" "$T/$name-ev.wav"
  S "$T/$name-base.wav" trim 0 $((L+1))
  sox -m "$T/$name-base.wav" "$T/$name-ev.wav" "$T/$name-evp.wav" trim 0 $((L+1))
}

# Raw material, L+1 seconds each.
S "$T/room-tone.wav"  synth $((L+1)) brownnoise lowpass 300 gain -6
events typing "$T/click.wav" 0.4 0.18 0.22 0.15 0.9 0.2 0.17 0.25 0.2 1.1 0.16 0.2 0.3 0.18 0.8 0.22 0.19
S "$T/office-bed.wav" synth $((L+1)) brownnoise lowpass 400 gain -10
sox -m "$T/office-bed.wav" "$T/typing-evp.wav" "$T/office.wav"
S "$T/camera.wav"     synth $((L+1)) sine 440 synth $((L+1)) sine amod 880 0.3 synth $((L+1)) pinknoise band 2400 800 remix - gain -12 tremolo 0.5 20
S "$T/lighting.wav"   synth $((L+1)) sine 100 synth $((L+1)) sine 200 synth $((L+1)) sine 300 synth $((L+1)) brownnoise remix - lowpass 900 gain -8
events knocks "$T/knock.wav" 0.6 0.45 0.45 1.6 0.5 0.5 0.45 1.7
S "$T/workshop-bed.wav" synth $((L+1)) brownnoise lowpass 500 gain -12
sox -m "$T/workshop-bed.wav" "$T/knocks-evp.wav" "$T/workshop.wav"
S "$T/dryer.wav"      synth $((L+1)) pinknoise band 1800 1400 synth $((L+1)) sine 340 remix - gain -10 tremolo 4 8
S "$T/fans.wav"       synth $((L+1)) pinknoise bandpass 700 600 synth $((L+1)) sine 60 remix - gain -10
events keys "$T/click.wav" 0.7 0.25 1.3 0.3 0.2 1.5 0.25 0.9 0.3 0.2 1.2
S "$T/edit-bed.wav"   synth $((L+1)) pinknoise bandpass 500 300 gain -14
sox -m "$T/edit-bed.wav" "$T/keys-evp.wav" "$T/edit-suite.wav"

for name in room-tone office camera lighting workshop dryer fans edit-suite; do
  in="$T/$name.wav"
  sox "$in" "$T/head.wav" trim 0 1
  sox "$in" "$T/mid.wav" trim 1 $((L-1))
  sox "$in" "$T/tail.wav" trim $L 1
  sox "$T/head.wav" "$T/head-in.wav" fade t 1
  sox "$T/tail.wav" "$T/tail-out.wav" fade t 0 1 1
  sox -m "$T/head-in.wav" "$T/tail-out.wav" "$T/xfade.wav"
  sox "$T/xfade.wav" "$T/mid.wav" "$T/loop.wav"
  sox "$T/loop.wav" "$T/loop.wav" "$T/twice.wav" norm -6
  ffmpeg -y -loglevel error -i "$T/twice.wav" -ac 1 -ar $R -codec:a libmp3lame -b:a 32k -map_metadata -1 "$OUT/$name.mp3"
  echo "$OUT/$name.mp3: $(soxi -D "$T/twice.wav") s"
done
