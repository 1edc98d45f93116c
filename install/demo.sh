#!/usr/bin/env bash
# Sigil Gate end to end, on throwaway parts: an etcd on a free loopback port, a bare
# repository with the hooks, an operator's clone, and a Core node whose scheduled
# 'sigil push' is run the way cron runs it. Shows Git -> etcd (a push applied, a broken
# one rejected), etcd -> Git (a node agent's write mirrored), an operator and a node
# changing one record at once (one wins, the other is kept), and drift found and healed.
# Every step checks what it shows and stops the demo with an error when it did not
# happen. Everything is removed on exit (etcd stopped, temporary folder deleted),
# whatever happened, unless --keep.
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/demo.sh [--keep]

Starts etcd on a free loopback port (installing etcd-server and etcd-client when
missing), builds the executables, installs a bare repository with install-server.sh,
pushes examples/network/ as identity root, lists the etcd keys, pushes the broken
files of examples/invalid/ and shows the rejection. Then sets up Core node core-1 with
install-node.sh --print-cron (the machine's crontabs are left alone) and runs its
scheduled command as cron would: a node agent's etcd write is mirrored into Git; an
operator and the node change one record at once (one wins, the other is kept); a
record changed and one deleted behind Git's back are found by sigil drift and healed
by sigil reconcile; the kept losers are listed and resolved with sigil conflicts. Each
step checks its result; the exit code is 0 only when every step did what it shows.
Stops etcd at the end.

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
say() { printf '# %s\n' "$*"; }
fail() { die "the demo stopped: $*"; }
show() { printf '$ %s\n' "$(quote_words "'" "$@")"; }
# Runs a command, shows its output and keeps it in $out for the checks that follow;
# stops the demo unless the command exits with WANT.
run_expect() {
  local want=$1 got=0
  shift
  show "$@"
  "$@" >"$out" 2>&1 || got=$?
  cat "$out"
  [ "$got" -eq "$want" ] || fail "$(quote_words "'" "$@") exited with $got, expected $want"
}
# Stops the demo unless the output of the last run_expect holds TEXT; WHY says what that means.
output_shows() { grep -qF -- "$1" "$out" || fail "${2:-something went wrong}: the output above should show '$1'"; }
# Stops the demo unless etcd holds exactly VALUE at KEY (an empty VALUE: no such key).
etcd_holds() {
  local key=$1 want=$2 got
  got=$(etcdctl get --print-value-only "$key")
  [ "$got" = "$want" ] || fail "etcd holds '${got:-nothing}' at $key, expected '${want:-nothing}'"
}
# A string as the shell would need it on a command line, in double quotes when that is enough.
shell_quoted() {
  case "$1" in
    *[\"\$\`\\]*) printf '%q\n' "$1" ;;
    *) printf '"%s"\n' "$1" ;;
  esac
}
# A JSON value as it appears inside another JSON string (a kept conflict's "value").
json_escaped() { local s=${1//\\/\\\\}; printf '%s\n' "${s//\"/\\\"}"; }

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

out="$work/output"
user=$(id -un)

step "1. A throwaway etcd"
start_etcd "$work/etcd"
etcdctl() { ETCDCTL_API=3 command etcdctl --endpoints "$ETCD_ENDPOINT" "$@"; }
prefix=/sigil
say "etcdctl below stands for: ETCDCTL_API=3 etcdctl --endpoints $ETCD_ENDPOINT"

step "2. Build the executables (install/build.sh)"
bin=$(sigil_bin_dir)
# The install scripts below use these, rather than running build.sh again.
export SIGIL_BIN="$bin"
log "executables in $bin"

bare="$work/network.git"
clone="$work/clone"
step "3. Server: bare repository with pre-receive and post-receive (install/install-server.sh)"
run_expect 0 bash "$SIGIL_REPO_ROOT/install/install-server.sh" --repo "$bare" --etcd "$ETCD_ENDPOINT" --prefix "$prefix"
run_expect 0 cat "$bare/sigil.json"

step "4. Clone, with the pre-commit hook (install/install-client.sh)"
git -c init.defaultBranch=main clone --quiet "$bare" "$clone" 2>/dev/null
git -C "$clone" config user.name "Demo Root"
git -C "$clone" config user.email "root@example.net"
git -C "$clone" config commit.gpgsign false
run_expect 0 bash "$SIGIL_REPO_ROOT/install/install-client.sh" "$clone"

step "5. Commit examples/network/ and push it as identity root"
cp -R "$SIGIL_REPO_ROOT/examples/network/." "$clone/"
git -C "$clone" add -A
run_expect 0 git -C "$clone" commit --quiet -m "example-net: 3 Core nodes, 8 Entry nodes, live state of 5"
run_expect 0 "$bin/sigil" validate "$clone"
printf '\n'
say "A dry run: pre-receive prints the etcd operations and rejects the push."
run_expect 1 env SIGIL_IDENTITY=root git -C "$clone" push -o sigil.dry-run origin main
output_shows "$prefix/nodes/entry/e-1" "the dry run did not list the etcd operations"
[ -z "$(etcdctl get --prefix "$prefix/" --keys-only)" ] || fail "the dry run wrote to etcd"
printf '\n'
say "The real push: pre-receive validates, post-receive applies to etcd."
run_expect 0 env SIGIL_IDENTITY=root git -C "$clone" push origin main
output_shows "applied" "post-receive did not apply the push"

step "6. What is in etcd now"
keys=$(etcdctl get --prefix "$prefix/" --keys-only | sed '/^$/d')
data_keys=$(grep -v "^$prefix/\.sigil/" <<<"$keys" || true)
book_keys=$(grep "^$prefix/\.sigil/" <<<"$keys" || true)
say "Data keys: one per record, the record as JSON (what nodes and etcdctl read and write)."
show etcdctl get --prefix "$prefix/"
[ -n "$data_keys" ] || fail "no data keys under $prefix/: post-receive applied nothing"
while IFS= read -r key; do
  printf '%s  %s\n' "$key" "$(etcdctl get --print-value-only "$key")"
done <<<"$data_keys"
printf '\n'
say "Bookkeeping of the suite itself (version vectors, last applied commit, pending work)"
say "lives apart, under $prefix/.sigil/: $(grep -c . <<<"$book_keys" || true) keys."
if [ -n "$book_keys" ]; then head -n 8 <<<"$book_keys" | sed 's/^/  /'; fi
printf '\n'
say "The applied commit carries a note (refs/notes/sigil): etcd revision, keys put and deleted."
run_expect 0 git -C "$bare" notes --ref sigil show main
printf '\n'
say "Git and etcd agree (exit 0 in sync, 1 drift, 2 error):"
run_expect 0 "$bin/sigil" drift --repo "$bare"

step "7. A broken change: port 70000, an unknown Core, state under the wrong Core"
# Each file says what is wrong with it in its second and third lines.
(cd "$SIGIL_REPO_ROOT/examples/invalid" && find . -type f | sort) | while IFS= read -r file; do
  say "${file#./}: $(sed -n '2,3s/^# //p' "$SIGIL_REPO_ROOT/examples/invalid/$file" | paste -sd' ')"
done
cp -R "$SIGIL_REPO_ROOT/examples/invalid/." "$clone/"
git -C "$clone" add -A
printf '\n'
say "pre-commit checks the staged tree with the same rules as the server:"
run_expect 1 git -C "$clone" commit --quiet -m "Add e-9, e-10 and a state record"
say "Committed with --no-verify, to show the server's answer:"
run_expect 0 git -C "$clone" commit --quiet --no-verify -m "Add e-9, e-10 and a state record"
printf '\n'
say "pre-receive rejects the push, one line per problem:"
run_expect 1 env SIGIL_IDENTITY=root git -C "$clone" push origin main
output_shows "push rejected" "pre-receive did not reject the broken push"
printf '\n'
say "etcd is unchanged:"
for key in "$prefix/nodes/entry/e-9" "$prefix/nodes/entry/e-10" "$prefix/state/core-2/entries/e-1"; do
  etcd_holds "$key" ""
  log "$key: absent"
done

# The Core node core-1, on its own disk: sigil, its clone, the log of its scheduled runs,
# and the home folder of the account cron runs it as.
node=core-1
node_bin="$work/node/bin"
node_clone="$work/node/clone"
node_log="$work/node/push-$node.log"
node_home="$work/node/home"
mkdir -p "$node_home"

# The one schedule line of install-node.sh's output (a crontab line: five time fields, or @hourly and the like).
schedule_line() {
  local lines
  lines=$(grep -E '^(@[a-z]+|[0-9*/,a-zA-Z-]+([[:blank:]]+[0-9*/,a-zA-Z-]+){4})[[:blank:]]' "$1" || true)
  [ -n "$lines" ] || fail "install-node.sh --print-cron printed no crontab line"
  [ "$(grep -c . <<<"$lines")" -eq 1 ] || fail "install-node.sh --print-cron printed more than one crontab line"
  printf '%s\n' "$lines"
}

# What cron hands to the shell: the line without its time fields, and without the user
# field of a system crontab (/etc/cron.d, which install-node.sh writes as root).
cron_command() {
  local line=$1 rest
  case "$line" in
    @*) read -r _ rest <<<"$line" ;;
    *) read -r _ _ _ _ _ rest <<<"$line" ;;
  esac
  if [ "${rest%%[[:blank:]]*}" = "$user" ]; then read -r _ rest <<<"$rest"; fi
  printf '%s\n' "$rest"
}

# cron's own environment for a job is HOME, LOGNAME, SHELL=/bin/sh and PATH=/usr/bin:/bin;
# a NAME=value line in the crontab (as in /etc/cron.d files) sets or replaces one.
set_cron_var() {
  local i
  for i in "${!cron_env[@]}"; do
    if [ "${cron_env[i]%%=*}" = "${1%%=*}" ]; then
      cron_env[i]=$1
      return 0
    fi
  done
  cron_env+=("$1")
}

# Whatever install-node.sh sets up besides the schedule and did not (--print-cron may only
# print): sigil, the node's clone with its commit identity, its sigil.json. Done here as
# install-node.sh does it.
prepare_node() {
  if [ -x "$node_bin/sigil" ] && [ -e "$node_clone/.git" ] && [ -f "$node_clone/sigil.json" ]; then return 0; fi
  say "--print-cron left the rest of the node's set-up to do; done here as install-node.sh does it:"
  if [ ! -x "$node_bin/sigil" ]; then install_executables "$node_bin" "$bin" sigil; fi
  if [ ! -e "$node_clone/.git" ]; then
    git clone --quiet "$bare" "$node_clone"
    git -C "$node_clone" config user.name "sigil push ($node)"
    git -C "$node_clone" config user.email "$node@sigil.invalid"
    printf '%s\n' /sigil.json >>"$node_clone/.git/info/exclude"
    log "cloned $bare into $node_clone"
  fi
  if [ ! -f "$node_clone/sigil.json" ]; then write_sigil_json "$node_clone/sigil.json" "$ETCD_ENDPOINT" "$prefix" main; fi
}

# Runs the schedule's command as cron does: a clean environment (cron's own, then the
# variables the crontab sets), /bin/sh -c. Shows what the run appended to its log.
run_scheduled() {
  local before=0 got=0
  if [ -f "$node_log" ]; then before=$(wc -c <"$node_log"); fi
  printf '$ env -i %s /bin/sh -c %s\n' "$(quote_words "'" "${cron_env[@]}")" "$(shell_quoted "$cron_cmd")"
  env -i "${cron_env[@]}" /bin/sh -c "$cron_cmd" || got=$?
  [ -f "$node_log" ] || fail "the scheduled run wrote no log at $node_log"
  tail -c +$((before + 1)) "$node_log" >"$out"
  say "appended to $node_log:"
  cat "$out"
  [ "$got" -eq 0 ] || fail "the scheduled sigil push exited with $got"
}

step "8. A Core node's pusher, scheduled by install/install-node.sh"
say "--print-cron prints the schedule instead of installing it: this demo leaves the machine's"
say "crontabs alone, and runs the scheduled command itself, the way cron would."
run_expect 0 bash "$SIGIL_REPO_ROOT/install/install-node.sh" --node "$node" --remote "$bare" --workdir "$node_clone" \
  --etcd "$ETCD_ENDPOINT" --prefix "$prefix" --bin-dir "$node_bin" --log "$node_log" --user "$user" --print-cron
cp "$out" "$work/schedule"
cron_cmd=$(cron_command "$(schedule_line "$work/schedule")")
cron_env=(HOME="$node_home" LOGNAME="$user" SHELL=/bin/sh PATH=/usr/bin:/bin)
while IFS= read -r assignment; do
  set_cron_var "$assignment"
done < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$work/schedule" || true)
prepare_node
printf '\n'
say "cron runs the rest of the line with /bin/sh, in a clean environment (HOME is the node"
say "account's home, a fresh folder here) and without any SIGIL_* variable:"
say "  $cron_cmd"

step "9. etcd -> Git: a node agent's write, mirrored by the scheduled run"
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
node_e1='{"grpc_path":"/sigil.Entry/Heartbeat","last_seen":"'"$now"'","status":"down"}'
say "core-1's agent finds e-1 down and writes the state record straight into etcd, as JSON"
say "(status, last_seen, grpc_path), as node agents do:"
run_expect 0 etcdctl put "$prefix/state/$node/entries/e-1" "$node_e1"
say "Git does not have it yet: drift calls it a pending node write."
run_expect 1 "$bin/sigil" drift --repo "$bare"
output_shows "state/$node/entries/e-1.yaml: pending-node-write" "drift did not see the agent's write"
printf '\n'
say "The scheduled run:"
run_scheduled
output_shows "state/$node/entries/e-1.yaml" "the scheduled sigil push did not mirror e-1"
printf '\n'
say "The node's commit is on main in the server's repository, with the agent's value:"
run_expect 0 git -C "$bare" log -1 --format='%h %an <%ae>%n%B' main
output_shows "$node: mirror state/$node/entries/e-1.yaml from etcd" "the node's commit is not at the tip of main"
run_expect 0 git -C "$bare" show "main:state/$node/entries/e-1.yaml"
output_shows "status: down" "Git does not hold the agent's e-1"
output_shows "$now" "Git does not hold the agent's e-1"
run_expect 0 "$bin/sigil" drift --repo "$bare"
output_shows "in sync" "etcd and Git differ after the node's push"

step "10. An operator and the node change one record at once"
operator_clone="$work/alice"
e2="$prefix/state/$node/entries/e-2"
node_e2='{"grpc_path":"/sigil.Entry/Report","last_seen":"'"$now"'","status":"down"}'
operator_e2='{"grpc_path":"/sigil.Entry/Report","last_seen":"'"$now"'","status":"up"}'
say "The agent writes e-2 down in etcd; the node's pusher has not run since."
run_expect 0 etcdctl put "$e2" "$node_e2"
say "Operator alice, who has not seen that write (it is only in etcd), marks e-2 up and pushes:"
git clone --quiet "$bare" "$operator_clone"
git -C "$operator_clone" config user.name "Alice"
git -C "$operator_clone" config user.email "alice@example.net"
printf 'status: up\nlast_seen: "%s"\ngrpc_path: /sigil.Entry/Report\n' "$now" >"$operator_clone/state/$node/entries/e-2.yaml"
run_expect 0 git -C "$operator_clone" commit --quiet -am "e-2 is up again after the repair"
run_expect 0 env SIGIL_IDENTITY=alice git -C "$operator_clone" push origin main
output_shows "conflict $e2" "post-receive reported no conflict on e-2"
winner=$(etcdctl get --print-value-only "$e2")
case "$winner" in
  "$node_e2") loser=$operator_e2 won="the node's write (status down)" lost="alice's commit" ;;
  "$operator_e2") loser=$node_e2 won="alice's commit (status up)" lost="the node's write" ;;
  *) fail "etcd holds '$winner' at $e2: neither the node's value nor alice's" ;;
esac
printf '\n'
say "post-receive found two changes, neither made over the other. The later timestamp wins,"
say "then the greater writer id. A write made straight into etcd is dated when the suite first"
say "sees it, here during alice's push; Git dates her commit in whole seconds, before that."
say "Winner: $won, now in etcd."
say "The loser, $lost, is kept in etcd under $prefix/.sigil/conflicts/:"
kept=$(etcdctl get --prefix "$prefix/.sigil/conflicts/state/$node/entries/e-2/" --keys-only | sed '/^$/d')
[ "$(grep -c . <<<"$kept")" -eq 1 ] || fail "expected one kept loser for e-2 in etcd, found: ${kept:-none}"
run_expect 0 etcdctl get "$kept"
output_shows "$(json_escaped "$loser")" "etcd did not keep the losing value"
printf '\n'
say "The scheduled run mirrors the winner into Git, with a copy of the kept loser:"
run_scheduled
output_shows "kept conflict loser" "the scheduled sigil push did not copy the kept loser into Git"
run_expect 0 git -C "$bare" log -1 --format='%h %an <%ae>%n%B' main
run_expect 0 git -C "$bare" show "main:state/$node/entries/e-2.yaml"
case "$winner" in
  "$node_e2") output_shows "status: down" "Git does not hold the winner" ;;
  *) output_shows "status: up" "Git does not hold the winner" ;;
esac
kept_file=$(git -C "$bare" ls-tree -r --name-only main ".sigil/conflicts/state/$node/entries/e-2/")
[ "$(grep -c . <<<"$kept_file")" -eq 1 ] || fail "expected one kept loser for e-2 in Git, found: ${kept_file:-none}"
run_expect 0 git -C "$bare" show "main:$kept_file"
output_shows "$(json_escaped "$loser")" "Git's copy of the kept loser does not hold the losing value"

step "11. Drift: etcd written behind Git's back, found and healed"
e1="$prefix/nodes/entry/e-1"
e3="$prefix/nodes/entry/e-3"
git_e1=$(etcdctl get --print-value-only "$e1")
git_e3=$(etcdctl get --print-value-only "$e3")
say "Someone moves e-1 to another address and deletes e-3, records only Git may change:"
run_expect 0 etcdctl put "$e1" '{"address":"198.51.100.99:443","core":"core-1","enabled":true,"id":"e-1"}'
run_expect 0 etcdctl del "$e3"
run_expect 1 "$bin/sigil" drift --repo "$bare"
output_shows "nodes/entry/e-1.yaml: changed-in-etcd" "drift missed the changed e-1"
output_shows "nodes/entry/e-3.yaml: missing-in-etcd" "drift missed the deleted e-3"
printf '\n'
say "reconcile makes etcd equal to Git again, and keeps what it overwrites:"
run_expect 0 "$bin/sigil" reconcile --repo "$bare"
output_shows "put $e1" "reconcile did not print its change to e-1"
output_shows "put $e3" "reconcile did not print its change to e-3"
etcd_holds "$e1" "$git_e1"
etcd_holds "$e3" "$git_e3"
printf '\n'
say "Kept values wait for a person; drift lists them until then, and nothing else is left:"
run_expect 1 "$bin/sigil" drift --repo "$bare"
if grep -v '^sigil: ' "$out" | grep -qv ': conflict-loser '; then fail "drift still lists differences other than kept conflict losers"; fi
output_shows "nodes/entry/e-1.yaml: conflict-loser" "reconcile did not keep the value it overwrote"
run_expect 1 "$bin/sigil" conflicts list --repo "$bare"
output_shows "state/$node/entries/e-2.yaml: " "conflicts list does not show e-2's kept loser"
output_shows "nodes/entry/e-1.yaml: " "conflicts list does not show e-1's kept loser"
printf '\n'
say "Having read them ('sigil conflicts show'), alice decides: what etcd holds now stays."
say "Each decision is a commit, pushed through the hooks as alice, and applied:"
run_expect 0 "$bin/sigil" conflicts show --repo "$bare" "state/$node/entries/e-2.yaml"
for record in $(sed -n 's/^  \([^ :]*\.yaml\): .*/\1/p' <("$bin/sigil" conflicts list --repo "$bare") | sort -u); do
  run_expect 0 env SIGIL_IDENTITY=alice "$bin/sigil" conflicts resolve --repo "$bare" "$record" --keep-winner
  output_shows "recorded as commit" "the decision about $record was not recorded"
done
run_expect 0 git -C "$bare" log -1 --format='%h %an%n%B' main
output_shows "Sigil-Resolve: keep-winner" "the last commit does not record the decision"
run_expect 0 "$bin/sigil" conflicts list --repo "$bare"
run_expect 0 "$bin/sigil" drift --repo "$bare"
output_shows "in sync" "etcd and Git still differ"

step "Done: etcd stops now$([ "$keep" -eq 1 ] || echo ", and the temporary folder goes")"
