#!/usr/bin/env bash
# Builds everything and runs every test, on a fresh machine too: installs etcd, the Git
# servers of the server specs and the Native AOT prerequisites when missing, publishes
# the executables (the end-to-end tests push into bare repositories whose hooks are
# those binaries, some behind gitolite and nginx), runs 'dotnet test', and ends with
# one line "N passed, N failed, N skipped".
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/test.sh [dotnet test options...]

Installs etcd (etcd-server, etcd-client), the Git servers the server specs start
(gitolite3, openssh-server, nginx, fcgiwrap; their own services are not started),
dpkg-dev and lintian (the package specs), GNU time (the memory specs) and the Native
AOT prerequisites when missing, runs install/build.sh, publishes a
crash-point test build of the executables (framework-dependent, SIGIL_CRASH_AT
honoured) into artifacts/crashbin, then
'dotnet test SigilGate.Hooks.sln -c Release' with SIGIL_BIN set to artifacts/bin and
SIGIL_CRASH_BIN to artifacts/crashbin. Extra options go to dotnet test, for example
--filter FullyQualifiedName~Policy. Exits with dotnet test's exit code.
TRX results land in artifacts/test-results/.
EOF
}
case "${1:-}" in -h | --help) usage; exit 0 ;; esac

cd "$SIGIL_REPO_ROOT"
ensure_dotnet
ensure_etcd
# The package specs (tests/SigilGate.EndToEnd.Tests/Package) build the Debian package and check it.
ensure_dpkg_dev
ensure_lintian
ensure_git_servers
# The memory specs read a process's peak memory through GNU time.
ensure_gnu_time
# build.sh installs the Native AOT prerequisites it needs.
if ! bash install/build.sh; then
  log "the executables did not build: no test ran"
  printf '0 passed, 0 failed\n'
  exit 1
fi

# The crash specs (tests/SigilGate.EndToEnd.Tests/Crash) kill the executables at named steps
# (SIGIL_CRASH_AT). Only this build keeps those steps: framework-dependent (a minute, not
# seven), with its own bin/obj under artifacts/crashbuild so it never mixes with the others.
crashbin="$SIGIL_REPO_ROOT/artifacts/crashbin"
log "publishing the crash-point test build into $crashbin"
rm -rf "$crashbin" artifacts/crashbuild/publish
if ! DOTNET_CLI_UI_LANGUAGE=en dotnet publish install/executables.slnf -c Debug -r "$(native_rid)" \
  -p:PublishAot=false -p:SigilCrashPoints=true -p:SourceRevisionId="$(bash install/revision.sh)" --self-contained false \
  --artifacts-path artifacts/crashbuild --nologo -clp:NoSummary >artifacts/crashbuild.log 2>&1; then
  grep -E ': (error|warning) ' artifacts/crashbuild.log | sort -u >&2 || tail -n 40 artifacts/crashbuild.log >&2
  log "the crash-point build failed: no test ran"
  printf '0 passed, 0 failed\n'
  exit 1
fi
mkdir -p "$crashbin"
cp -pR artifacts/crashbuild/publish/*/debug_*/. "$crashbin/"

SIGIL_BIN="$SIGIL_REPO_ROOT/artifacts/bin"
SIGIL_CRASH_BIN="$crashbin"
export SIGIL_BIN SIGIL_CRASH_BIN
results="$SIGIL_REPO_ROOT/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
output="$results/dotnet-test.log"

log "dotnet test SigilGate.Hooks.sln -c Release (SIGIL_BIN=$SIGIL_BIN, SIGIL_CRASH_BIN=$SIGIL_CRASH_BIN)"
# A hung test is stopped after 10 minutes and named, rather than eating CI's budget.
set +e
DOTNET_CLI_UI_LANGUAGE=en dotnet test SigilGate.Hooks.sln -c Release --nologo \
  --logger "console;verbosity=minimal" --logger trx --results-directory "$results" \
  --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 | tee "$output"
codes=("${PIPESTATUS[@]}")
set -e
status=${codes[0]}

# Each test assembly ends with a line such as
#   Passed!  - Failed:     0, Passed:    42, Skipped:     1, Total:    43, Duration: 3 s - X.Tests.dll (net10.0)
# (VSTest with NUnit3TestAdapter). An assembly with no tests prints none: it counts 0.
read -r passed failed skipped < <(
  sed -n 's/.*Failed: *\([0-9][0-9]*\), Passed: *\([0-9][0-9]*\), Skipped: *\([0-9][0-9]*\), Total:.*/\2 \1 \3/p' "$output" |
    awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }'
)
assemblies=$(grep -c 'Failed: *[0-9][0-9]*, Passed: *[0-9]' "$output" || true)

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  if grep -q 'error [A-Z]*[0-9]*:' "$output"; then
    log "dotnet test failed before running every test (build errors above; log in $output)"
  else
    log "dotnet test exited $status without a failed test (a crashed or aborted test host? log in $output)"
  fi
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  warn "no test ran"
fi
log "$assemblies test assemblies; exit code $status"
printf '%s passed, %s failed, %s skipped\n' "$passed" "$failed" "$skipped"
exit "$status"
