#!/usr/bin/env bash
# Installs the Sigil Gate hooks into a bare repository on the Git server, creating the
# repository when missing, and writes its sigil.json. Safe to run again (upgrade).
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/install-server.sh --repo BARE --etcd URLS [--prefix P] [--branch B] [--owner USER[:GROUP]]

Installs pre-receive, post-receive and sigil (with libgit2) into BARE's hooks folder
and writes BARE/sigil.json. Creates BARE with 'git init --bare' when it is missing.
Builds the executables first (install/build.sh) unless SIGIL_BIN names a folder of
prebuilt ones.

  --repo BARE      the bare repository (created when missing)
  --etcd URLS      etcd endpoints, comma-separated: http://10.0.0.1:2379,http://10.0.0.2:2379
  --prefix P       etcd key prefix (default /sigil)
  --branch B       the protected branch that is validated and applied (default main)
  --owner U[:G]    chown the repository to the account git runs as (when run as root)
  --help           show this help

Other settings in an existing BARE/sigil.json (credentials, TLS files, timeouts) are kept.
EOF
}

repo="" etcd="" prefix=/sigil branch=main owner=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repo | --etcd | --prefix | --branch | --owner)
      [ $# -ge 2 ] || die "$1 needs a value (see --help)"
      declare "${1#--}=$2"
      shift
      ;;
    --repo=* | --etcd=* | --prefix=* | --branch=* | --owner=*)
      name=${1%%=*}
      declare "${name#--}=${1#*=}"
      ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see install/install-server.sh --help)" ;;
  esac
  shift
done
[ -n "$repo" ] || die "--repo BARE is required (see --help)"
check_etcd_urls "$etcd"
check_prefix "$prefix"
check_branch "$branch"
have git || die "git is not installed (apt-get install git)"

bin=$(sigil_bin_dir)

if [ -e "$repo" ] && [ ! -d "$repo" ]; then die "$repo exists and is not a folder"; fi
if [ -d "$repo" ] && [ -n "$(ls -A "$repo")" ]; then
  [ "$(git_at "$repo" rev-parse --is-bare-repository 2>/dev/null)" = true ] ||
    die "$repo exists and is not a bare git repository"
  log "using the bare repository $repo"
  head=$(git_at "$repo" symbolic-ref --quiet HEAD || true)
  if [ "$head" != "refs/heads/$branch" ]; then
    warn "$repo's HEAD is '${head:-detached}', not refs/heads/$branch: clones check out that branch by default (git symbolic-ref HEAD refs/heads/$branch changes it)"
  fi
else
  git init --quiet --bare --initial-branch="$branch" "$repo"
  log "created the bare repository $repo (branch $branch)"
fi
repo=$(cd "$repo" && pwd)

hooks=$(hooks_dir_of "$repo")
if [ "$hooks" != "$repo/hooks" ]; then log "core.hooksPath is set: installing into $hooks"; fi

install_executables "$hooks" "$bin" pre-receive post-receive sigil

write_sigil_json "$repo/sigil.json" "$etcd" "$prefix" "$branch"

# pre-receive reads 'git push -o sigil.dry-run'; git refuses push options unless the
# repository advertises them. Force pushes and deletions are not denied here with
# receive.deny*: that would cover every branch, and only the protected one is guarded
# (by pre-receive).
if [ "$(git_at "$repo" config --bool receive.advertisePushOptions || true)" = true ]; then
  log "up to date: receive.advertisePushOptions = true"
else
  git_at "$repo" config receive.advertisePushOptions true
  log "set receive.advertisePushOptions = true"
fi

# git's own checks of every pushed object, before any hook runs: trees a checkout refuses (a
# symbolic link named .gitmodules in any folder, '.git' and what NTFS or HFS+ read as '.git',
# '.', '..', empty names), malformed commits and trees. On receive, fsck's warnings are errors.
# Symbolic links named .gitattributes, .gitignore or .mailmap are only "info" to git 2.39 (git
# reads those files without following links, so a link silently does nothing): made errors too.
# A setting of the same value is left alone, so a second run changes nothing.
set_git_config() {
  if [ "$(git_at "$repo" config --get "$1" || true)" = "$2" ]; then
    log "up to date: $1 = $2"
  else
    git_at "$repo" config "$1" "$2"
    log "set $1 = $2"
  fi
}
set_git_config receive.fsckObjects true
for id in gitattributesSymlink gitignoreSymlink mailmapSymlink; do
  set_git_config "receive.fsck.$id" error
done
# On by default in git 2.39 (core.protectNTFS everywhere, core.protectHFS on macOS); set here so
# that a machine-wide configuration cannot turn them off for this repository's own checkouts.
set_git_config core.protectNTFS true
set_git_config core.protectHFS true

if [ -n "$owner" ]; then
  chown -R "$owner" "$repo"
  log "chown -R $owner $repo"
fi

log "server ready: $repo (etcd $etcd, prefix $prefix, branch $branch)"
log "  first push: as identity 'root' (SIGIL_IDENTITY=root for a local push), with sigil.yaml"
log "  catch-up after an etcd outage: $hooks/sigil apply --repo $repo (from cron, for example)"
