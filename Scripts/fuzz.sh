#!/usr/bin/env bash
# Fuzzes gateways' readers and the analyse pipeline with libFuzzer, through the Swift toolchain.
#
#   Scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]
#
# TARGET is csv, csv-halves, json, analyse, write, workbook, inflate, layouts or encoding (see Fuzz/README.md). SECONDS defaults to 60. Runs on one core
# (-jobs=1 -workers=1). The targets are compiled here with swiftc (-sanitize=fuzzer,address),
# not by `swift build`, into .build-fuzz/. New corpus entries go to .build-fuzz/corpus/TARGET;
# the committed seeds in Fuzz/Corpus/TARGET are read, never written. Crashes, hangs and leaks
# are saved in .build-fuzz/artifacts/TARGET/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

target="${1:?usage: Scripts/fuzz.sh csv|csv-halves|json|analyse|write|workbook|inflate|layouts|encoding [SECONDS] [libFuzzer flags...]}"
seconds="${2:-60}"
shift $(($# >= 2 ? 2 : 1))
case "$target" in
  csv) source_file=Fuzz/Targets/FuzzCSV.swift ;;
  csv-halves) source_file=Fuzz/Targets/FuzzCSVHalves.swift ;;
  json) source_file=Fuzz/Targets/FuzzJSON.swift ;;
  analyse) source_file=Fuzz/Targets/FuzzAnalyse.swift ;;
  write) source_file=Fuzz/Targets/FuzzWrite.swift ;;
  workbook) source_file=Fuzz/Targets/FuzzWorkbook.swift ;;
  inflate) source_file=Fuzz/Targets/FuzzInflate.swift ;;
  layouts) source_file=Fuzz/Targets/FuzzLayouts.swift ;;
  encoding) source_file=Fuzz/Targets/FuzzEncoding.swift ;;
  *) echo "fuzz.sh: unknown target '$target' (csv, csv-halves, json, analyse, write, workbook, inflate, layouts or encoding)" >&2; exit 2 ;;
esac

out=.build-fuzz
mkdir -p "$out/modules" "$out/corpus/$target" "$out/artifacts/$target"
flags=(-O -sanitize=fuzzer,address -parse-as-library -package-name gateways -I "$out/modules")

# Rebuilds a library module when any of its sources is newer than its object file.
build_module() {
  local name="$1" dir="$2"
  local object="$out/modules/$name.o"
  if [[ ! -f "$object" ]] || [[ -n "$(find "$dir" -name '*.swift' -newer "$object" | head -1)" ]]; then
    echo "fuzz.sh: compiling $name" >&2
    # shellcheck disable=SC2046 # the file list is split on purpose (paths have no spaces)
    swiftc "${flags[@]}" -module-name "$name" -wmo -c -emit-module \
      -emit-module-path "$out/modules/$name.swiftmodule" -o "$object" \
      $(find "$dir" -name '*.swift' | sort)
  fi
}
build_module MembershipGraph Sources/MembershipGraph
build_module GatewaysKit Sources/GatewaysKit
objects=("$out/modules/MembershipGraph.o" "$out/modules/GatewaysKit.o")
# The writers' target runs the command line, so it needs the CLI library too.
if [[ "$target" == write ]]; then
  build_module GatewaysCLI Sources/GatewaysCLI
  objects+=("$out/modules/GatewaysCLI.o")
fi

binary="$out/fuzz-$target"
if [[ ! -x "$binary" ]] || [[ "$source_file" -nt "$binary" ]] || [[ "${objects[-1]}" -nt "$binary" ]] || [[ "$out/modules/GatewaysKit.o" -nt "$binary" ]]; then
  echo "fuzz.sh: linking $binary" >&2
  swiftc "${flags[@]}" -o "$binary" "$source_file" "${objects[@]}"
fi

# With -jobs, libFuzzer writes its log to fuzz-0.log in the current folder: keep it in $out.
root="$PWD"
mkdir -p "$out/logs/$target"
cd "$out/logs/$target"
# csv-halves starts from the csv seeds, write from the analyse seeds (each with two bytes in
# front, that choose the output and the command: the fuzzer learns them); workbook also from
# the workbook fixtures, inflate from the zlib streams of the decoder's tests.
case "$target" in
  csv-halves) seeds=("$root/Fuzz/Corpus/csv") ;;
  write) seeds=("$root/Fuzz/Corpus/write") ;;
  workbook) seeds=("$root/Fuzz/Corpus/workbook" "$root/Tests/Fixtures/Workbooks") ;;
  inflate) seeds=("$root/Tests/Fixtures/Deflate") ;;
  *) seeds=("$root/Fuzz/Corpus/$target") ;;
esac
"$root/$binary" "$root/$out/corpus/$target" "${seeds[@]}" \
  -jobs=1 -workers=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$root/$out/artifacts/$target/" -print_final_stats=1 "$@" || status=$?
tail -n 40 fuzz-0.log
exit "${status:-0}"
