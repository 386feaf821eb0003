#!/usr/bin/env bash
# Renders the web-app icons that the PWA manifest lists (vite.config.ts) from assets/icon.svg:
#   assets/icon-192.png, assets/icon-512.png  the clapperboard on a transparent page ("any")
#   assets/icon-maskable-512.png              on the set's #101116 inside the maskable safe zone
#   assets/icon-apple-180.png                 iOS home screen (opaque: iOS fills transparency with black)
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Output is committed; rerun after
# editing icon.svg:  bash scripts/build-icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "build-icons: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }

src=assets/icon.svg
for size in 192 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --output "assets/icon-$size.png" "$src"
done
# Maskable: launchers crop to a shape inside the central 80 % circle; the drawing spans ~82 % of
# its square, so scale it to 60 % and centre it on the background colour.
page=512
art=$((page * 60 / 100))
off=$(((page - art) / 2))
rsvg-convert --width "$art" --height "$art" --keep-aspect-ratio \
  --page-width "$page" --page-height "$page" --left "$off" --top "$off" \
  --background-color '#101116' --output assets/icon-maskable-512.png "$src"
# iOS rounds the corners itself and shows no transparency: the drawing at 80 % on the background.
apple=180
art=$((apple * 80 / 100))
off=$(((apple - art) / 2))
rsvg-convert --width "$art" --height "$art" --keep-aspect-ratio \
  --page-width "$apple" --page-height "$apple" --left "$off" --top "$off" \
  --background-color '#101116' --output assets/icon-apple-180.png "$src"
echo "build-icons: wrote assets/icon-192.png, assets/icon-512.png, assets/icon-maskable-512.png, assets/icon-apple-180.png"
