#!/usr/bin/env bash
# Installs the pre-commit hook into a working clone of the network repository, so a
# commit is checked with the same rules and messages as a push. Safe to run again.
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/install-client.sh CLONE

Installs pre-commit (with libgit2) into CLONE's hooks folder (core.hooksPath when
set). Builds it first (install/build.sh) unless SIGIL_BIN names a folder of prebuilt
executables. 'git commit --no-verify' skips the hook; the server checks again anyway.

  --help   show this help
EOF
}

clone=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option '$1' (see install/install-client.sh --help)" ;;
    *)
      [ -z "$clone" ] || die "one CLONE only (see --help)"
      clone=$1
      ;;
  esac
  shift
done
[ -n "$clone" ] || die "CLONE is required: the working clone to install pre-commit into (see --help)"
have git || die "git is not installed (apt-get install git)"
[ -d "$clone" ] || die "$clone is not a folder"
[ "$(git_at "$clone" rev-parse --is-inside-work-tree 2>/dev/null)" = true ] ||
  die "$clone is not a working clone (pre-commit runs on commits, which a bare repository has none of)"

bin=$(sigil_bin_dir)
hooks=$(hooks_dir_of "$clone")
if [ -n "$(git_at "$clone" config core.hooksPath || true)" ]; then
  log "core.hooksPath is set: installing into $hooks"
fi
install_executables "$hooks" "$bin" pre-commit
log "pre-commit installed for $(cd "$clone" && pwd)"
