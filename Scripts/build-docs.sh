#!/usr/bin/env bash
# Builds the DocC documentation of MembershipGraph and GatewaysKit with the toolchain alone:
# symbol graphs extracted from the debug build's modules, then `docc convert` of each catalog.
# Fails on any DocC warning (a broken link, a missing symbol), so CI keeps the catalogs true.
#   Scripts/build-docs.sh [OUTPUT_DIR]     (default .build/docs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
out="${1:-.build/docs}"
swift build --target GatewaysKit >/dev/null
modules="$(swift build --show-bin-path)/Modules"
triple="$(swiftc -print-target-info | sed -n 's/.*"triple": "\(.*\)".*/\1/p' | head -n 1)"
status=0
for module in MembershipGraph GatewaysKit; do
  graphs="$out/symbol-graphs/$module"
  rm -rf "$graphs" "$out/$module.doccarchive"
  mkdir -p "$graphs"
  swift-symbolgraph-extract -module-name "$module" -I "$modules" -target "$triple" \
    -minimum-access-level public -skip-synthesized-members -output-dir "$graphs"
  log="$out/$module-docc.log"
  docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.gateways.$module" \
    --output-path "$out/$module.doccarchive" --warnings-as-errors >"$log" 2>&1 || status=1
  if grep -E "warning|error" "$log" >/dev/null; then
    cat "$log" >&2
    status=1
  fi
  echo "docs: $module -> $out/$module.doccarchive"
done
exit "$status"
