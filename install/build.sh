#!/usr/bin/env bash
# Publishes the native executables (pre-receive, post-receive, pre-commit, sigil) with
# Native AOT for this machine into artifacts/bin/, with the libgit2 library that
# LibGit2Sharp loads from beside them. Symbols go to artifacts/symbols/.
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/build.sh [--force]

Publishes pre-receive, post-receive, pre-commit and sigil with Native AOT for this
machine (linux-x64 or linux-arm64) into artifacts/bin/, beside libgit2-*.so.
Does nothing when artifacts/bin is newer than every source file and was built from
the same commit. The executables' --version names that commit (install/revision.sh:
its short id, with -dirty when a tracked file was changed; unknown outside git).
Installs clang, binutils and zlib1g-dev with apt-get when they are missing.

  --force   publish even when artifacts/bin looks up to date
  --help    show this help
EOF
}

force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=1 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see install/build.sh --help)" ;;
  esac
  shift
done

cd "$SIGIL_REPO_ROOT"
out=artifacts/bin
stamp=artifacts/bin.stamp
build=artifacts/build

# What the executables are made from. bin/ and obj/ of earlier IDE or test builds
# are not sources; this script and its solution filter are (they decide what and how
# to publish).
shopt -s nullglob
sources=(hooks src Directory.*.props Directory.*.targets global.json [Nn]u[Gg]et.[Cc]onfig
  install/build.sh install/executables.slnf)
shopt -u nullglob
list_sources() {
  find "${sources[@]}" \( -name bin -o -name obj \) -prune -o -type f "$@" -print
}

ensure_dotnet
rid=$(native_rid)
# The commit the executables say they are built from (--version, sigil_build_info):
# the short id of HEAD, "-dirty" with changed tracked files, "unknown" outside git.
revision=$(bash install/revision.sh)
# The stamp names what the artifacts were built from and for: another SDK, another
# machine type, an added or deleted source file, or another commit (the executables
# name it) all mean a rebuild.
signature="rid=$rid sdk=$(dotnet --version) revision=$revision sources=$(list_sources | LC_ALL=C sort | cksum | cut -d' ' -f1)"

up_to_date() {
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$signature" ] || return 1
  local exe
  for exe in "${SIGIL_EXECUTABLES[@]}"; do [ -x "$out/$exe" ] || return 1; done
  [ -z "$(list_sources -newer "$stamp" | head -n 1)" ]
}

report_up_to_date() {
  log "up to date: $SIGIL_REPO_ROOT/$out ($rid; install/build.sh --force rebuilds)"
  exit 0
}
if [ "$force" -eq 0 ] && up_to_date; then report_up_to_date; fi

mkdir -p artifacts
# One build at a time in this tree: CI and a developer's test run may start together,
# and the second finds the first one's result.
if have flock; then
  exec 9>artifacts/.build.lock
  flock 9
  if [ "$force" -eq 0 ] && up_to_date; then report_up_to_date; fi
fi
ensure_aot_prereqs

# The stamp's time is the start of the build: a source saved while it runs is newer.
printf '%s\n' "$signature" >"$stamp.new"

log "publishing ${SIGIL_EXECUTABLES[*]} $revision with Native AOT for $rid"
started=$(date +%s)
# One dotnet publish for the four projects: MSBuild runs them in parallel (the native
# compile of one executable keeps about one core busy). --artifacts-path keeps this
# build's bin/obj apart from the IDE's and dotnet test's, so neither disturbs the other.
publish_log=artifacts/publish.log
if ! DOTNET_CLI_UI_LANGUAGE=en dotnet publish install/executables.slnf -c Release -r "$rid" \
  -p:SourceRevisionId="$revision" --artifacts-path "$build" --nologo -clp:NoSummary >"$publish_log" 2>&1; then
  grep -E ': (error|warning) ' "$publish_log" | sort -u >&2 || tail -n 40 "$publish_log" >&2
  die "dotnet publish failed (full output: $SIGIL_REPO_ROOT/$publish_log)"
fi

# Assemble the folder beside the old one, then swap it in with two renames (a reader
# sees the old set or the new one, never a mix).
staging="$out.new.$$"
rm -rf "$staging" artifacts/symbols.new
mkdir -p "$staging" artifacts/symbols.new
for dir in "$build"/publish/*/release_"$rid"; do
  for file in "$dir"/*; do
    case "$file" in
      *.dbg | *.pdb) cp -p "$file" artifacts/symbols.new/ ;;
      *) cp -pR "$file" "$staging/" ;;
    esac
  done
done
for exe in "${SIGIL_EXECUTABLES[@]}"; do
  [ -x "$staging/$exe" ] || die "dotnet publish did not produce $exe (see $SIGIL_REPO_ROOT/$publish_log)"
done
libgit2_of "$staging" >/dev/null
chmod 0755 "$staging"/*
rm -rf "$out.old" artifacts/symbols
if [ -d "$out" ]; then mv "$out" "$out.old"; fi
mv "$staging" "$out"
mv artifacts/symbols.new artifacts/symbols
rm -rf "$out.old"
mv -f "$stamp.new" "$stamp"

log "published in $(($(date +%s) - started)) s into $SIGIL_REPO_ROOT/$out:"
(cd "$out" && for f in *; do log "  $f ($(du -k "$f" | cut -f1) KiB)"; done)
