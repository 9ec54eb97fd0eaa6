#!/usr/bin/env bash
# Regenerates Documentation/report-screenshot.png, the picture of a sample report the README
# shows: builds `gateways`, writes the report of Samples/secondary.csv and screenshots its top
# with headless Chromium at 60 % scale (600 x 900 pixels, well under 200 KB).
#
# Usage: Scripts/screenshot-report.sh [ROSTER]   (needs chromium; see ci-install-report-tools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
roster="${1:-Samples/secondary.csv}"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "screenshot-report: chromium not found; run Scripts/ci-install-report-tools.sh" >&2
  exit 1
fi
swift build --product gateways >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$(swift build --show-bin-path)/gateways" report "$roster" -o "$work/report.html"
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$work/profile" --force-device-scale-factor=0.6 --window-size=1000,1500 \
  --screenshot="$work/report.png" "file://$work/report.html" >/dev/null 2>&1
mkdir -p Documentation
cp "$work/report.png" Documentation/report-screenshot.png
echo "wrote Documentation/report-screenshot.png ($(wc -c <Documentation/report-screenshot.png) bytes)"
