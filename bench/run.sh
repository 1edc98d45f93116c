#!/usr/bin/env bash
# Runs every benchmark scenario once, in one process, and prints each figure against the
# baseline measured in the same run (see bench/RESULTS.md for what each figure means):
# push, pre-commit, apply, quarantine, pusher (sigil push on a Core node) and drift.
#
#   bench/run.sh [scenario ...] [--runs N] [--warmup N] [--sizes N,N,...]
#
# By name only: soak; scale (the figures at each of --sizes records, then herd: fifty Core nodes'
# pushers in one second), e.g. at 1,000, 10,000 and 100,000 records, about half an hour:
#
#   bench/run.sh scale --sizes 1000,10000,100000
#
# The published executables come from $SIGIL_BIN, else artifacts/bin; when those are missing
# they are built first (install/build.sh, or dotnet publish of the four projects). Existing
# ones are used as they are: run install/build.sh yourself after changing the code. With
# SIGIL_COMPARE_BIN=DIR, scale also times DIR/sigil drift in the same rounds (before and after a change).
# The output is also kept in artifacts/bench/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../install/lib.sh
. install/lib.sh

# What the scenarios run besides the executables: etcd and etcdctl, and GNU time for the peak
# memory of each executable (wait4's ru_maxrss, /usr/bin/time -f %M).
ensure_etcd
ensure_gnu_time

executables=(pre-receive post-receive pre-commit sigil)
bin=${SIGIL_BIN:-$root/artifacts/bin}
missing=()
for exe in "${executables[@]}"; do [ -x "$bin/$exe" ] || missing+=("$exe"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ -n "${SIGIL_BIN:-}" ]; then
    echo "bench: SIGIL_BIN=$SIGIL_BIN lacks ${missing[*]}" >&2
    exit 2
  fi
  echo "bench: building the executables (missing: ${missing[*]}); Native AOT takes minutes"
  if [ -f install/build.sh ]; then
    bash install/build.sh
  else
    rid=linux-x64
    [ "$(uname -m)" = aarch64 ] && rid=linux-arm64
    # The commit their --version names (as install/revision.sh, without the -dirty check).
    revision=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
    for project in hooks/PreReceive hooks/PostReceive hooks/PreCommit src/Sigil; do
      dotnet publish "$project" -c Release -r "$rid" -p:SourceRevisionId="$revision" -o artifacts/bin --nologo
    done
  fi
fi

mkdir -p artifacts/bench
log="artifacts/bench/run-$(date -u +%Y%m%dT%H%M%SZ).txt"
dotnet build bench/SigilGate.Bench -c Release --nologo -v quiet -clp:NoSummary >/dev/null
set +e
dotnet run -c Release --no-build --project bench/SigilGate.Bench -- "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "bench: output kept in $log (exit $status: 0 all targets met, 1 a target missed, 2 error)"
exit "$status"
