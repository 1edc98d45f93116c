#!/usr/bin/env bash
# Start-up cost of argument parsing: publishes pre-receive's and sigil's front with the project's
# small parser and with System.CommandLine (both Native AOT, as install/build.sh publishes the
# executables), then times both, alternating, process start to exit. See docs/command-line.md.
#
#   bench/ParserStartup/run.sh [RUNS]     (default 200 runs of each variant per case)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
rid=linux-x64
[ "$(uname -m)" = aarch64 ] && rid=linux-arm64
out=artifacts/parser-startup
for variant in SmallParser CommandLine; do
  dotnet publish "$here/$variant" -c Release -r "$rid" --artifacts-path "$out/build" -o "$out/$variant" --nologo -v quiet -clp:NoSummary >/dev/null
done
dotnet build "$here/Timing" -c Release --artifacts-path "$out/build" --nologo -v quiet -clp:NoSummary >/dev/null
dotnet "$out/build/bin/Timing/release/Timing.dll" "$out/SmallParser/small-parser" "$out/CommandLine/system-commandline" "${1:-200}"
