#!/usr/bin/env bash
# Makes the web fonts the app loads from the full Inter fonts in assets/fonts/source/: WOFF2, cut
# to the scripts Backlot's languages and signs use (Latin with its extensions and accents, general
# punctuation, arrows and the few symbols of the interface). About 1 MB of OpenType becomes under
# 100 KB, which a phone on a museum's Wi-Fi notices. Glyphs outside the cut (Arabic, CJK…) fall
# back to the system's fonts. Output is committed; rerun after changing the sources or the range:
#   bash scripts/build-fonts.sh     (needs Debian's fonttools and python3-brotli)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pyftsubset >/dev/null || { echo "build-fonts: pyftsubset missing (apt-get install fonttools python3-brotli)" >&2; exit 1; }
ranges="U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20AC,U+2122,U+2190-21FF,U+2212,U+2261,U+25B4,U+25BE,U+2630,U+27F2-27F3"
for weight in Regular Bold; do
  pyftsubset "assets/fonts/source/Inter-$weight.otf" \
    --unicodes="$ranges" \
    --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk,tnum' \
    --flavor=woff2 --no-hinting --desubroutinize \
    --output-file="assets/fonts/Inter-$weight.woff2"
done
ls -l assets/fonts/*.woff2 | awk '{print "build-fonts: wrote " $9 " (" $5 " bytes)"}'
