#!/usr/bin/env bash
# Renders a riposte HTML report with headless Chromium and saves a PNG screenshot, to check
# that the report opens in a browser and that every chart is drawn.
#
#   scripts/report-screenshot.sh REPORT.html SCREENSHOT.png [WIDTHxHEIGHT]
#
# Exit codes: 0 screenshot written, 1 Chromium failed or wrote no image, 2 bad usage,
# 77 Chromium is not installed (ctest reports the test as skipped; install the Debian package
# 'chromium', as scripts/setup.sh does).
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 REPORT.html SCREENSHOT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
report=$1
png=$2
size=${3:-1400x4000}
if [[ ! -f "$report" ]]; then
  echo "$0: error: $report: no such file" >&2
  exit 2
fi
if [[ ! "$size" =~ ^[0-9]+x[0-9]+$ ]]; then
  echo "$0: error: size '$size' must look like 1400x4000" >&2
  exit 2
fi

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$chromium" ]]; then
  echo "$0: skipped: $chromium not found (install the Debian package chromium: scripts/setup.sh)" >&2
  exit 77
fi

report_abs=$(realpath "$report")
mkdir -p "$(dirname "$png")"
png_abs=$(realpath -m "$png")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$png_abs"

# No network: the report must not need any; --disable-* keeps Chromium from calling home.
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-dev-shm-usage --hide-scrollbars \
  --user-data-dir="$profile" --window-size="${size/x/,}" \
  --screenshot="$png_abs" "file://$report_abs" >"$profile/chromium.log" 2>&1 || {
  echo "$0: error: chromium failed:" >&2
  tail -20 "$profile/chromium.log" >&2
  exit 1
}
if [[ ! -s "$png_abs" ]]; then
  echo "$0: error: chromium wrote no screenshot" >&2
  tail -20 "$profile/chromium.log" >&2
  exit 1
fi
# a blank page compresses to a few kilobytes; charts and text make it much larger
bytes=$(stat -c %s "$png_abs")
if (( bytes < 50000 )); then
  echo "$0: error: $png_abs is only $bytes bytes: the page looks blank" >&2
  exit 1
fi
echo "screenshot: $png_abs ($bytes bytes)"
