#!/usr/bin/env bash
# Sets up a Core node's pusher: a clone of the network repository, its sigil.json,
# the sigil executable, and a schedule (cron, or a systemd timer) that runs
# 'sigil push --node ID --workdir DIR'. Safe to run again (upgrade, new interval).
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/install-node.sh --node ID --remote URL --workdir DIR --etcd URLS
                               [--interval SECONDS] [--print-cron] [--systemd]
                               [--prefix P] [--branch B] [--bin-dir DIR] [--user NAME] [--log FILE]

Clones URL into DIR (an existing clone is kept), writes DIR/sigil.json (kept out of
commits by .git/info/exclude), copies sigil into --bin-dir, and runs
'sigil push --node ID --workdir DIR' every SECONDS from cron.

  --node ID          this Core node's id (nodes/core/ID.yaml); also its push identity
  --remote URL       the network repository (ssh://, https://, or a path)
  --workdir DIR      the node's own clone, written only by sigil push
  --etcd URLS        etcd endpoints, comma-separated
  --interval S       seconds between runs (default 60). cron runs at most once a
                     minute: shorter intervals are rounded up to one minute (see --systemd)
  --print-cron       print the schedule instead of installing it (everything else is done)
  --systemd          a systemd .service + .timer instead of cron (where systemd is init;
                     honours intervals under a minute)
  --prefix P         etcd key prefix (default /sigil)
  --branch B         the protected branch (default main)
  --bin-dir DIR      where sigil and libgit2 go (default /usr/local/lib/sigil)
  --user NAME        the account that runs sigil push (default: who runs this script)
  --log FILE         where the runs' output goes (default /var/log/sigil/push-ID.log
                     for root, ~/.local/state/sigil/push-ID.log otherwise)
  --help             show this help
EOF
}

node="" remote="" workdir="" etcd="" interval=60 print=0 systemd=0
prefix=/sigil branch=main bin_dir=/usr/local/lib/sigil user="" log_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --print-cron) print=1 ;;
    --systemd) systemd=1 ;;
    -h | --help) usage; exit 0 ;;
    --*)
      case "$1" in
        --node | --remote | --workdir | --etcd | --interval | --prefix | --branch | --bin-dir | --user | --log) ;;
        *) die "unknown option '$1' (see install/install-node.sh --help)" ;;
      esac
      [ $# -ge 2 ] || die "$1 needs a value (see --help)"
      case "$1" in
        --node) node=$2 ;;
        --remote) remote=$2 ;;
        --workdir) workdir=$2 ;;
        --etcd) etcd=$2 ;;
        --interval) interval=$2 ;;
        --prefix) prefix=$2 ;;
        --branch) branch=$2 ;;
        --bin-dir) bin_dir=$2 ;;
        --user) user=$2 ;;
        --log) log_file=$2 ;;
      esac
      shift
      ;;
    *) die "unexpected argument '$1' (see install/install-node.sh --help)" ;;
  esac
  shift
done

[ -n "$node" ] || die "--node ID is required (see --help)"
[[ "$node" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]] || die "--node '$node' is not an id (lower-case letters, digits and '-', 1-63, starting with a letter or digit)"
[ -n "$remote" ] || die "--remote URL is required (see --help)"
[ -n "$workdir" ] || die "--workdir DIR is required (see --help)"
check_etcd_urls "$etcd"
check_prefix "$prefix"
check_branch "$branch"
[[ "$interval" =~ ^[1-9][0-9]*$ ]] || die "--interval '$interval' must be a whole number of seconds, 1 or more"
user=${user:-$(id -un)}
id "$user" >/dev/null 2>&1 || die "--user '$user': no such account"
if [ "$user" != "$(id -un)" ] && [ "$(id -u)" -ne 0 ]; then die "--user $user needs root"; fi
if [ "$systemd" -eq 1 ] && [ "$print" -eq 0 ] && [ ! -d /run/systemd/system ]; then
  die "--systemd: systemd is not the init system here; leave it out to use cron (or add --print-cron to print the units)"
fi
have git || die "git is not installed (apt-get install git)"

mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)
mkdir -p "$bin_dir"
bin_dir=$(cd "$bin_dir" && pwd)
if [ -z "$log_file" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log_file="/var/log/sigil/push-$node.log"
  else
    log_file="$HOME/.local/state/sigil/push-$node.log"
  fi
fi
# These land in a crontab line or a unit file, where % is special (cron: start of
# standard input; systemd: a specifier) and quotes would break the quoting below.
for path in "$workdir" "$bin_dir" "$log_file"; do
  case "$path" in
    *%* | *\'* | *\"* | *\\* | *$'\n'*) die "'$path': a path run from cron or systemd may not hold % ' \" \\ or a newline" ;;
  esac
done

# 1. sigil and its libgit2.
bin=$(sigil_bin_dir)
install_executables "$bin_dir" "$bin" sigil

# 2. The clone.
if [ -e "$workdir/.git" ]; then
  current=$(git_at "$workdir" remote get-url origin 2>/dev/null || true)
  if [ "$current" != "$remote" ]; then
    warn "$workdir is a clone of '${current:-no origin}', not of $remote: left as it is"
  fi
  log "using the existing clone $workdir"
elif [ -n "$(ls -A "$workdir")" ]; then
  die "$workdir is not empty and not a git clone: give an empty or missing folder"
else
  git clone --quiet "$remote" "$workdir" || die "could not clone $remote into $workdir (git's message above says why)"
  if git_at "$workdir" rev-parse --verify --quiet "refs/remotes/origin/$branch" >/dev/null; then
    [ "$(git_at "$workdir" symbolic-ref --quiet --short HEAD || true)" = "$branch" ] ||
      git_at "$workdir" checkout --quiet "$branch"
  else
    # An empty repository, or one without the branch yet: the first push creates it.
    git_at "$workdir" symbolic-ref HEAD "refs/heads/$branch"
  fi
  log "cloned $remote into $workdir (branch $branch)"
fi
# Commits made by sigil push need an author even where cron has no global git config.
if [ -z "$(git_at "$workdir" config --local user.name || true)" ]; then
  git_at "$workdir" config user.name "sigil push ($node)"
  git_at "$workdir" config user.email "$node@sigil.invalid"
  log "set the clone's commit identity to 'sigil push ($node) <$node@sigil.invalid>'"
fi

# 3. Its configuration, never committed.
exclude=$(git_at "$workdir" rev-parse --git-path info/exclude)
case "$exclude" in /*) ;; *) exclude="$workdir/$exclude" ;; esac
mkdir -p "$(dirname "$exclude")"
if grep -qx '/sigil.json' "$exclude" 2>/dev/null; then
  log "up to date: /sigil.json in $exclude"
else
  printf '%s\n' '/sigil.json' >>"$exclude"
  log "added /sigil.json to $exclude (never committed)"
fi
write_sigil_json "$workdir/sigil.json" "$etcd" "$prefix" "$branch"

if [ "$user" != "$(id -un)" ]; then
  chown -R "$user": "$workdir"
  log "chown -R $user: $workdir"
fi

# 4. The schedule. sigil push takes its own lock on the clone: a run that finds an earlier
# one still working says so and exits 0, leaving the work to it. Nothing may wrap it in
# another lock on the same file (flock on .git/sigil-push.lock would make every run find
# the lock taken by its own wrapper and do nothing).
command=("$(command -v env)" "SIGIL_IDENTITY=$node" "$bin_dir/sigil" push --node "$node" --workdir "$workdir")
quoted=$(quote_words "'" "${command[@]}")
exec_start=$(quote_words '"' "${command[@]}")

if [ "$systemd" -eq 1 ]; then
  unit="sigil-push-$node"
  service=$(
    cat <<EOF
[Unit]
Description=Sigil Gate: mirror Core node $node's etcd state into Git
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
User=$user
ExecStart=$exec_start
EOF
  )
  timer=$(
    cat <<EOF
[Unit]
Description=Sigil Gate: run sigil push for $node every ${interval}s

[Timer]
OnBootSec=${interval}s
OnUnitActiveSec=${interval}s
AccuracySec=1s

[Install]
WantedBy=timers.target
EOF
  )
  if [ "$print" -eq 1 ]; then
    printf '# /etc/systemd/system/%s.service\n%s\n\n# /etc/systemd/system/%s.timer\n%s\n' "$unit" "$service" "$unit" "$timer"
  else
    [ "$(id -u)" -eq 0 ] || die "--systemd writes /etc/systemd/system: run as root (or use --print-cron --systemd)"
    printf '%s\n' "$service" | write_file "/etc/systemd/system/$unit.service" 0644
    printf '%s\n' "$timer" | write_file "/etc/systemd/system/$unit.timer" 0644
    systemctl daemon-reload
    systemctl enable --now "$unit.timer" >/dev/null
    log "enabled $unit.timer (every ${interval}s; output in journalctl -u $unit)"
    if [ -e "/etc/cron.d/sigil-push-$node" ]; then
      rm -f "/etc/cron.d/sigil-push-$node"
      log "removed /etc/cron.d/sigil-push-$node (replaced by the timer)"
    fi
  fi
  log "node $node ready: $workdir"
  exit 0
fi

# The log file, not its folder, belongs to the account that runs sigil push: logrotate
# refuses folders that others than root may write to.
make_log_dir() {
  mkdir -p "$(dirname "$log_file")"
  touch "$log_file"
  if [ "$user" != "$(id -un)" ]; then chown "$user": "$log_file"; fi
}

# cron's finest step is a minute: intervals are rounded up to whole minutes, and
# from an hour up to whole hours (at minute 0).
minutes=$(((interval + 59) / 60))
if [ "$minutes" -lt 60 ]; then
  schedule="*/$minutes * * * *"
  actual=$((minutes * 60))
  every="$minutes minutes"
  [ "$minutes" -gt 1 ] || every="minute"
  # */7 restarts at each full hour: the last gap of every hour is shorter.
  if [ $((60 % minutes)) -ne 0 ]; then every="$every, with one shorter gap each hour"; fi
else
  hours=$(((minutes + 59) / 60))
  [ "$hours" -le 24 ] || hours=24
  schedule="0 */$hours * * *"
  actual=$((hours * 3600))
  every="$hours hours"
  [ "$hours" -gt 1 ] || every="hour"
  if [ "$hours" -eq 24 ]; then schedule="0 0 * * *" every="day"; fi
fi
note="every $every"
if [ "$interval" -lt 60 ]; then
  note="$note: cron runs at most once a minute, so --interval ${interval}s is rounded up (--systemd can go below)"
elif [ "$interval" -ne "$actual" ]; then
  note="$note: --interval ${interval}s rounded up to what cron can express"
fi

line="$schedule $quoted >>'$log_file' 2>&1"

if [ "$(id -u)" -eq 0 ]; then
  cron_file="/etc/cron.d/sigil-push-$node"
  content=$(
    cat <<EOF
# Sigil Gate: Core node $node mirrors its etcd state into Git ($note).
# Written by install/install-node.sh; run it again to change this file.
SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
$schedule $user $quoted >>'$log_file' 2>&1
EOF
  )
  if [ "$print" -eq 1 ]; then
    printf '# %s\n%s\n' "$cron_file" "$content"
  else
    have cron || [ -x /usr/sbin/cron ] || apt_install cron
    make_log_dir
    printf '%s\n' "$content" | write_file "$cron_file" 0644
    log "sigil push runs $note, as $user; output in $log_file"
    if [ ! -e /run/crond.pid ] && [ ! -e /var/run/crond.pid ]; then
      warn "the cron daemon is not running: start it (service cron start, or systemctl enable --now cron)"
    fi
    if [ -d /etc/logrotate.d ] && [ "$log_file" = "/var/log/sigil/push-$node.log" ]; then
      printf '%s\n' '/var/log/sigil/push-*.log {' '  weekly' '  rotate 8' '  compress' '  missingok' \
        '  notifempty' '  copytruncate' '}' | write_file /etc/logrotate.d/sigil-push 0644
    fi
  fi
else
  marker="# sigil-push:$node"
  if [ "$print" -eq 1 ]; then
    printf '# crontab -e (as %s), %s\n%s %s\n' "$user" "$note" "$line" "$marker"
  else
    have crontab || die "crontab is not installed (apt-get install cron, as root)"
    make_log_dir
    { crontab -l 2>/dev/null | grep -vF "$marker" || true; printf '%s %s\n' "$line" "$marker"; } | crontab -
    log "crontab of $user: sigil push runs $note; output in $log_file"
  fi
fi
log "node $node ready: $workdir"
