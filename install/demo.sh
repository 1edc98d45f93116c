#!/usr/bin/env bash
# Sigil Gate end to end, on throwaway parts: an etcd on a free loopback port, a bare
# repository with the hooks, and a clone. Pushes examples/network/, shows the keys it
# made in etcd, then pushes a broken change and shows it rejected. Everything is
# removed on exit (etcd stopped, temporary folder deleted) unless --keep.
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/demo.sh [--keep]

Starts etcd on a free loopback port (installing etcd-server and etcd-client when
missing), builds the executables, installs a bare repository with install-server.sh,
pushes examples/network/ as identity root, lists the etcd keys, then pushes the
broken files of examples/invalid/ and shows the rejection. Stops etcd at the end.

  --keep   keep the temporary folder (repository, clone, etcd data) for a look
  --help   show this help
EOF
}

keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see install/demo.sh --help)" ;;
  esac
  shift
done

# The demo must not depend on who runs it: no global or system git configuration
# (aliases, hooksPath, signing, templates), no prompt.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

step() { printf '\n==== %s\n' "$*"; }
# Shows a command, then runs it; its failure is the caller's to judge.
run() {
  printf '$ %s\n' "$(quote_words "'" "$@")"
  "$@"
}
# A command that must fail: its failure is the point, not a reason to stop.
expect_failure() {
  printf '$ %s\n' "$(quote_words "'" "$@")"
  if "$@"; then
    warn "this was expected to fail and did not"
  else
    log "failed with exit code $?, as expected"
  fi
}

have git || die "git is not installed (apt-get install git)"
ensure_etcd
work=$(mktemp -d "${TMPDIR:-/tmp}/sigil-demo.XXXXXX")
cleanup() {
  local status=$?
  stop_etcd
  if [ "$keep" -eq 1 ]; then
    log "kept $work (etcd is stopped; its data is in $work/etcd/data)"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "1. A throwaway etcd"
start_etcd "$work/etcd"
etcdctl() { ETCDCTL_API=3 command etcdctl --endpoints "$ETCD_ENDPOINT" "$@"; }
prefix=/sigil

step "2. Build the executables (install/build.sh)"
bin=$(sigil_bin_dir)
log "executables in $bin"

bare="$work/network.git"
clone="$work/clone"
step "3. Server: bare repository with pre-receive and post-receive (install/install-server.sh)"
run bash "$SIGIL_REPO_ROOT/install/install-server.sh" --repo "$bare" --etcd "$ETCD_ENDPOINT" --prefix "$prefix"
run cat "$bare/sigil.json"

step "4. Clone, with the pre-commit hook (install/install-client.sh)"
git -c init.defaultBranch=main clone --quiet "$bare" "$clone" 2>/dev/null
git -C "$clone" config user.name "Demo Root"
git -C "$clone" config user.email "root@example.net"
git -C "$clone" config commit.gpgsign false
run bash "$SIGIL_REPO_ROOT/install/install-client.sh" "$clone"

step "5. Commit examples/network/ and push it as identity root"
cp -R "$SIGIL_REPO_ROOT/examples/network/." "$clone/"
git -C "$clone" add -A
run git -C "$clone" commit --quiet -m "example-net: 3 Core nodes, 8 Entry nodes, live state of 5"
run "$bin/sigil" validate "$clone" || warn "sigil validate found problems in examples/network/"
printf '\n# A dry run: pre-receive prints the etcd operations and rejects the push.\n'
expect_failure env SIGIL_IDENTITY=root git -C "$clone" push -o sigil.dry-run origin main
printf '\n# The real push: pre-receive validates, post-receive applies to etcd.\n'
run env SIGIL_IDENTITY=root git -C "$clone" push origin main || die "the push of examples/network/ was rejected"

step "6. What is in etcd now"
keys=$(etcdctl get --prefix "$prefix/" --keys-only | sed '/^$/d')
data_keys=$(grep -v "^$prefix/\.sigil/" <<<"$keys" || true)
book_keys=$(grep "^$prefix/\.sigil/" <<<"$keys" || true)
printf '# Data keys: one per record, the record as JSON (what nodes and etcdctl read and write).\n'
printf '$ ETCDCTL_API=3 etcdctl --endpoints %s get --prefix %s/\n' "$ETCD_ENDPOINT" "$prefix"
if [ -z "$data_keys" ]; then
  warn "no data keys under $prefix/: post-receive applied nothing"
else
  while IFS= read -r key; do
    printf '%s  %s\n' "$key" "$(etcdctl get --print-value-only "$key")"
  done <<<"$data_keys"
fi
printf '\n# Bookkeeping of the suite itself (version vectors, last applied commit, pending work)\n'
printf '# lives apart, under %s/.sigil/: %s keys.\n' "$prefix" "$(grep -c . <<<"$book_keys" || true)"
if [ -n "$book_keys" ]; then head -n 8 <<<"$book_keys" | sed 's/^/  /'; fi
printf '\n# The applied commit carries a note (refs/notes/sigil): etcd revision, keys put and deleted.\n'
run git -C "$bare" notes --ref sigil show main || warn "no sigil note on main"
printf '\n# Git and etcd agree (exit 0 in sync, 1 drift, 2 error):\n'
drift=0
run "$bin/sigil" drift --repo "$bare" || drift=$?
case "$drift" in
  0) ;;
  1) warn "sigil drift found differences between etcd and Git" ;;
  *) warn "sigil drift failed (exit $drift)" ;;
esac

step "7. A broken change: port 70000, an unknown Core, state under the wrong Core"
# Each file says what is wrong with it in its second and third lines.
(cd "$SIGIL_REPO_ROOT/examples/invalid" && find . -type f | sort) | while IFS= read -r file; do
  printf '# %s: %s\n' "${file#./}" "$(sed -n '2,3s/^# //p' "$SIGIL_REPO_ROOT/examples/invalid/$file" | paste -sd' ')"
done
cp -R "$SIGIL_REPO_ROOT/examples/invalid/." "$clone/"
git -C "$clone" add -A
printf '\n# pre-commit checks the staged tree with the same rules as the server:\n'
if run git -C "$clone" commit --quiet -m "Add e-9, e-10 and a state record"; then
  warn "pre-commit accepted the broken change"
else
  log "pre-commit rejected the commit, as expected; committing with --no-verify to show the server's answer"
  run git -C "$clone" commit --quiet --no-verify -m "Add e-9, e-10 and a state record"
fi
printf '\n# pre-receive rejects the push, one line per problem:\n'
expect_failure env SIGIL_IDENTITY=root git -C "$clone" push origin main
printf '\n# etcd is unchanged:\n'
for key in "$prefix/nodes/entry/e-9" "$prefix/nodes/entry/e-10" "$prefix/state/core-2/entries/e-1"; do
  if [ -n "$(etcdctl get --print-value-only "$key")" ]; then
    warn "$key: present, though the push was rejected"
  else
    log "$key: absent"
  fi
done

step "Done: etcd stops now$([ "$keep" -eq 1 ] || echo ", and the temporary folder goes")"
