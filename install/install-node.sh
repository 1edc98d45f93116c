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
                               [--interval SECONDS] [--print-cron] [--systemd] [--unit-dir DIR]
                               [--prefix P] [--branch B] [--bin-dir DIR] [--user NAME]
                               [--ssh-key FILE] [--log FILE]

Clones URL into DIR (an existing clone is kept), writes DIR/sigil.json (kept out of
commits by .git/info/exclude), copies sigil into --bin-dir, and runs
'sigil push --node ID --workdir DIR' every SECONDS from cron. Each node's runs are
offset within the interval by an amount derived from its id, so that many Core nodes
sharing a schedule do not all push in the same second.

  --node ID          this Core node's id (nodes/core/ID.yaml); also its push identity
  --remote URL       the network repository (ssh://, https://, or a path)
  --workdir DIR      the node's own clone, written only by sigil push
  --etcd URLS        etcd endpoints, comma-separated
  --interval S       seconds between runs (default 60). cron runs at most once a
                     minute: shorter intervals are rounded up to one minute (see --systemd)
  --print-cron       only print the schedule (cron line, or units with --systemd) on
                     standard output; nothing is copied, cloned or written
  --systemd          a systemd .service + .timer instead of cron (honours intervals under
                     a minute; RandomizedDelaySec spreads the nodes)
  --no-schedule      set up the clone, its settings and sigil, and install no schedule
                     (for the Debian package's sigil-push@ID.timer, or a scheduler of your own)
  --unit-dir DIR     where --systemd writes its units (default /etc/systemd/system); the
                     timer is enabled only where systemd is running
  --prefix P         etcd key prefix (default /sigil)
  --branch B         the protected branch (default main)
  --bin-dir DIR      where sigil and libgit2 go (default /usr/local/lib/sigil; run from
                     the Debian package: the package's own /usr/lib/sigil-gate, no copy)
  --user NAME        the account that runs sigil push (default: who runs this script);
                     checked first: that account must reach URL (git ls-remote as it)
  --ssh-key FILE     the node's own ssh key for an ssh:// or user@host: remote, written
                     into the clone as core.sshCommand (ssh -i FILE -o IdentitiesOnly=yes)
  --log FILE         where the runs' output goes (default /var/log/sigil/push-ID.log
                     for root, ~/.local/state/sigil/push-ID.log otherwise)
  --help             show this help
EOF
}

node="" remote="" workdir="" etcd="" interval=60 print=0 systemd=0 no_schedule=0
prefix=/sigil branch=main bin_dir="" user="" log_file="" ssh_key="" unit_dir=/etc/systemd/system
while [ $# -gt 0 ]; do
  case "$1" in
    --print-cron) print=1 ;;
    --systemd) systemd=1 ;;
    --no-schedule) no_schedule=1 ;;
    -h | --help) usage; exit 0 ;;
    --*)
      case "$1" in
        --node | --remote | --workdir | --etcd | --interval | --prefix | --branch | --bin-dir | --user | --log | --ssh-key | --unit-dir) ;;
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
        --ssh-key) ssh_key=$2 ;;
        --unit-dir) unit_dir=$2 ;;
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
if [ "$no_schedule" -eq 1 ] && { [ "$print" -eq 1 ] || [ "$systemd" -eq 1 ]; }; then
  die "--no-schedule installs no schedule: it goes with neither --print-cron nor --systemd"
fi
user_given=${user:+1}
user=${user:-$(id -un)}
id "$user" >/dev/null 2>&1 || die "--user '$user': no such account"
if [ "$user" != "$(id -un)" ] && [ "$(id -u)" -ne 0 ]; then die "--user $user needs root"; fi
have git || die "git is not installed (apt-get install git)"

# A preview prints the schedule alone on standard output; its own lines go to standard error.
if [ "$print" -eq 1 ]; then log() { printf 'install: %s\n' "$*" >&2; }; fi

# The package's executables are used where they are; others are copied beside the clone's schedule.
packaged_bin=""
if [ -z "$bin_dir" ]; then
  if running_from_package; then bin_dir=/usr/lib/sigil-gate packaged_bin=1; else bin_dir=/usr/local/lib/sigil; fi
fi

# Absolute paths, without creating anything yet (a preview creates nothing).
workdir=$(realpath -m -- "$workdir")
bin_dir=$(realpath -m -- "$bin_dir")
unit_dir=$(realpath -m -- "$unit_dir")
if [ -n "$ssh_key" ]; then
  ssh_key=$(realpath -m -- "$ssh_key")
  [ -f "$ssh_key" ] || die "--ssh-key $ssh_key: no such file"
fi
if [ -z "$log_file" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log_file="/var/log/sigil/push-$node.log"
  else
    log_file="$HOME/.local/state/sigil/push-$node.log"
  fi
fi
log_file=$(realpath -m -- "$log_file")
# These land in a crontab line, a unit file or core.sshCommand, where % is special (cron:
# start of standard input; systemd: a specifier) and quotes would break the quoting below.
for path in "$workdir" "$bin_dir" "$log_file" "$ssh_key"; do
  case "$path" in
    *%* | *\'* | *\"* | *\\* | *$'\n'*) die "'$path': a path run from cron or systemd may not hold % ' \" \\ or a newline" ;;
  esac
done
# core.sshCommand is split at spaces by the shell git runs it with.
case "$ssh_key" in *' '*) die "--ssh-key '$ssh_key': the key's path may not hold a space (core.sshCommand is split at spaces)" ;; esac

# ssh as the node: its own key only, never a prompt (cron has no terminal to answer one).
ssh_command=""
if [ -n "$ssh_key" ]; then ssh_command="ssh -i $ssh_key -o IdentitiesOnly=yes -o BatchMode=yes"; fi

# Runs a command as the account that will run sigil push, with that account's HOME
# (ssh reads its known_hosts from there).
as_user() {
  if [ "$user" = "$(id -un)" ]; then
    "$@"
  else
    local home
    home=$(getent passwd "$user" | cut -d: -f6)
    runuser -u "$user" -- env HOME="${home:-/}" "$@"
  fi
}

# Each node runs at its own offset within the interval (derived from its id, so it stays
# put across re-installs): fifty Core nodes on one schedule do not push in the same second.
offset_seconds() {
  local period=$1 sum
  sum=$(printf '%s' "$node" | cksum | cut -d' ' -f1)
  printf '%s\n' $((sum % period))
}

clone_setup() {
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
    # Cloned as the account that will push, with its key: what works now works from cron.
    if [ "$user" != "$(id -un)" ]; then chown "$user": "$workdir"; fi
    as_user git clone --quiet ${ssh_command:+-c "core.sshCommand=$ssh_command"} "$remote" "$workdir" ||
      die "could not clone $remote into $workdir as $user (git's message above says why)"
    if git_at "$workdir" rev-parse --verify --quiet "refs/remotes/origin/$branch" >/dev/null; then
      [ "$(git_at "$workdir" symbolic-ref --quiet --short HEAD || true)" = "$branch" ] ||
        git_at "$workdir" checkout --quiet "$branch"
    else
      # An empty repository, or one without the branch yet: the first push creates it.
      git_at "$workdir" symbolic-ref HEAD "refs/heads/$branch"
    fi
    log "cloned $remote into $workdir (branch $branch)"
  fi
  if [ -n "$ssh_command" ] && [ "$(git_at "$workdir" config --local core.sshCommand || true)" != "$ssh_command" ]; then
    git_at "$workdir" config core.sshCommand "$ssh_command"
    log "set the clone's core.sshCommand to '$ssh_command'"
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
}

command=("$(command -v env)" "SIGIL_IDENTITY=$node" "$bin_dir/sigil" push --node "$node" --workdir "$workdir")
if [ "$print" -eq 0 ]; then
  [ "$systemd" -eq 0 ] || [ -w "$(dirname "$unit_dir")" ] || [ -w "$unit_dir" ] || die "--systemd writes $unit_dir: run as root (or add --print-cron to print the units)"

  # 0. The account must reach the remote before anything is set up for it.
  if [ -n "$user_given" ] && [ ! -e "$workdir/.git" ]; then
    if [ -n "$ssh_key" ] && ! as_user test -r "$ssh_key"; then die "--ssh-key $ssh_key: $user cannot read it"; fi
    if ! as_user git ${ssh_command:+-c "core.sshCommand=$ssh_command"} ls-remote --heads "$remote" >/dev/null; then
      die "$user cannot reach $remote (git ls-remote as $user failed; its message is above): check the account's key, the remote's access rules and the address"
    fi
    log "checked: $user reaches $remote"
  fi

  # 1. sigil and its libgit2.
  if [ -n "$packaged_bin" ]; then
    [ -x "$bin_dir/sigil" ] || die "$bin_dir/sigil is missing: reinstall the sigil-gate package"
    log "using the package's $bin_dir/sigil"
  else
    mkdir -p "$bin_dir"
    bin=$(sigil_bin_dir)
    install_executables "$bin_dir" "$bin" sigil
  fi
  mkdir -p "$workdir"
  clone_setup
  if [ "$no_schedule" -eq 1 ]; then
    log "node $node ready: $workdir (no schedule installed: run $(quote_words "'" "${command[@]}") from yours)"
    exit 0
  fi
fi

# 4. The schedule. sigil push takes its own lock on the clone: a run that finds an earlier
# one still working says so and exits 0, leaving the work to it. Nothing may wrap it in
# another lock on the same file (flock on .git/sigil-push.lock would make every run find
# the lock taken by its own wrapper and do nothing).
# The last line says what became of the node: with --print-cron nothing was installed or written.
say_done() {
  if [ "$print" -eq 1 ]; then
    log "printed the schedule of node $node; nothing installed or written (--print-cron)"
  else
    log "node $node ready: $workdir"
  fi
}

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
# Spreads the Core nodes over the interval; fixed per node, so each keeps its own pace.
RandomizedDelaySec=${interval}s
FixedRandomDelay=true

[Install]
WantedBy=timers.target
EOF
  )
  if [ "$print" -eq 1 ]; then
    printf '# %s/%s.service\n%s\n\n# %s/%s.timer\n%s\n' "$unit_dir" "$unit" "$service" "$unit_dir" "$unit" "$timer"
  else
    mkdir -p "$unit_dir"
    printf '%s\n' "$service" | write_file "$unit_dir/$unit.service" 0644
    printf '%s\n' "$timer" | write_file "$unit_dir/$unit.timer" 0644
    if [ -d /run/systemd/system ] && [ "$unit_dir" = /etc/systemd/system ]; then
      systemctl daemon-reload
      systemctl enable --now "$unit.timer" >/dev/null
      log "enabled $unit.timer (every ${interval}s; output in journalctl -u $unit)"
    else
      warn "systemd is not running here (or the units are not in /etc/systemd/system): enable them where it runs, with systemctl enable --now $unit.timer"
    fi
    if [ -e "/etc/cron.d/sigil-push-$node" ]; then
      rm -f "/etc/cron.d/sigil-push-$node"
      log "removed /etc/cron.d/sigil-push-$node (replaced by the timer)"
    fi
  fi
  say_done
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
  actual=$((minutes * 60))
  offset=$(offset_seconds "$actual")
  schedule="$((offset / 60))-59/$minutes * * * *"
  [ "$minutes" -gt 1 ] || schedule="* * * * *"
  every="$minutes minutes"
  [ "$minutes" -gt 1 ] || every="minute"
  # */7 restarts at each full hour: the last gap of every hour is shorter.
  if [ $((60 % minutes)) -ne 0 ]; then every="$every, with one shorter gap each hour"; fi
else
  hours=$(((minutes + 59) / 60))
  [ "$hours" -le 24 ] || hours=24
  actual=$((hours * 3600))
  offset=$(offset_seconds "$actual")
  schedule="$((offset % 3600 / 60)) $((offset / 3600))-23/$hours * * *"
  every="$hours hours"
  [ "$hours" -gt 1 ] || every="hour"
  if [ "$hours" -eq 24 ]; then schedule="$((offset % 3600 / 60)) $((offset / 3600)) * * *" every="day"; fi
fi
# cron starts every job at second 0: the rest of the offset is a sleep before the run.
if [ $((offset % 60)) -ne 0 ]; then
  quoted="$(command -v sleep) $((offset % 60)); $quoted"
fi
note="every $every, at second $offset of each interval"
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
say_done
