#!/usr/bin/env bash
# The system programs the test suite needs, from Debian's packages: Chromium (browser journeys) and
# redis-server (the classroom's multi-server tests). Run as root it installs what is missing; as
# anyone else it stops at once with the one line to run. npm test starts with it; .ci/run just
# calls npm test.
set -euo pipefail
need=()
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "test: missing ${need[*]}; install with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "test: installing ${need[*]} (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
