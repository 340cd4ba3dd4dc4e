#!/usr/bin/env bash
# Takes a PNG screenshot of a rendered report page in headless Chromium, to check the layout by eye without a desktop.
#
# Usage: ops/screenshot-report.sh [REPORT_HTML] [OUT_PNG]
#   REPORT_HTML  a page of the HTML report; default var/out/latest/report/index.html under the project root
#   OUT_PNG      where the screenshot goes; default report-screenshot.png in the current directory
# Needs Debian's chromium (apt-get install chromium). The page is self-contained, so nothing is fetched.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
page="${1:-$root/var/out/latest/report/index.html}"
out="${2:-report-screenshot.png}"

if [ ! -f "$page" ]; then
    echo "no such report page: $page" >&2
    exit 2
fi
if ! command -v chromium >/dev/null; then
    echo "chromium not found (apt-get install chromium)" >&2
    exit 2
fi

abs="$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
mkdir -p "$(dirname "$out")"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
# a throw-away profile: no state carried between runs, nothing written to the user's home
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

rm -f "$out_abs"
chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1280,2000 --screenshot="$out_abs" "file://$abs" 2>/dev/null
if [ ! -s "$out_abs" ]; then
    echo "chromium wrote no screenshot to $out_abs" >&2
    exit 1
fi
echo "$out_abs"
