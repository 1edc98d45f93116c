#!/usr/bin/env bash
# Prints the commit the executables are built from, for their --version line and metrics:
# the short id of HEAD (git rev-parse --short=7), with "-dirty" when a tracked file differs
# from it (untracked files do not count, as with git describe --dirty); "unknown" outside a
# git checkout or without git. build.sh, test.sh's crash build and bench/run.sh pass it to
# dotnet publish as -p:SourceRevisionId=..., which the SDK appends to the informational version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  -h | --help)
    printf 'Usage: install/revision.sh\n\nPrints the short commit id of this checkout, with -dirty when a tracked file is changed, or unknown.\n'
    exit 0
    ;;
  '') ;;
  *) printf 'install: error: unknown argument %s (see install/revision.sh --help)\n' "$1" >&2; exit 1 ;;
esac

if ! command -v git >/dev/null 2>&1 || ! commit=$(git rev-parse --short=7 HEAD 2>/dev/null); then
  echo unknown
  exit 0
fi
# A stale index (files touched but unchanged) would look dirty without the refresh.
git update-index -q --refresh >/dev/null 2>&1 || true
if git diff-index --quiet HEAD -- 2>/dev/null; then
  echo "$commit"
else
  echo "$commit-dirty"
fi
