# shellcheck shell=bash
# Shared helpers for the install scripts. Sourced, never run.
#
# Every script prints what it does as "install: ..." lines on standard output and
# its errors as "install: error: ..." on standard error, then exits non-zero.

SIGIL_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck disable=SC2034 # used by the scripts that source this file
SIGIL_EXECUTABLES=(pre-receive post-receive pre-commit sigil)

log() { printf 'install: %s\n' "$*"; }
warn() { printf 'install: warning: %s\n' "$*" >&2; }
die() {
  printf 'install: error: %s\n' "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command as root: directly when we are root, through sudo when it needs no
# password, otherwise fails with the command the user should run.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif have sudo && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    die "needs root: run as root, or run yourself: $*"
  fi
}

# apt-get install, with one 'apt-get update' per script run. The lock timeout lets
# two scripts (or CI and a developer) install at the same time without failing.
_apt_updated=0
apt_install() {
  have apt-get || die "apt-get not found; install these packages yourself: $*"
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -q)
  if [ "$_apt_updated" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >/dev/null
    _apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null
}

ensure_dotnet() {
  have dotnet || die "the .NET SDK 10 is needed to build ('dotnet' is not on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian"
  local version
  version=$(cd "$SIGIL_REPO_ROOT" && dotnet --version 2>/dev/null) ||
    die "'dotnet --version' failed in $SIGIL_REPO_ROOT: is an SDK matching global.json (10.0.x) installed? ('dotnet --list-sdks' shows what is)"
  case "$version" in
    1[0-9].* | [2-9][0-9].*) ;;
    *) die ".NET SDK 10 or later is needed, found $version; see https://learn.microsoft.com/dotnet/core/install/linux-debian" ;;
  esac
}

# Native AOT on Linux links with clang (the ILCompiler falls back to gcc, which Microsoft
# does not support), and needs objcopy to split symbols off (StripSymbols).
# zlib1g-dev is on Microsoft's list of prerequisites; .NET 9 and later ship their own
# libz.a, so it is only a guard for a runtime pack without one.
# https://learn.microsoft.com/dotnet/core/deploying/native-aot/#prerequisites
ensure_aot_prereqs() {
  local missing=()
  have clang || missing+=(clang)
  have objcopy || have llvm-objcopy || missing+=(binutils)
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! (apt_install "${missing[@]}"); then
    # A machine with gcc can still build: the ILCompiler tries gcc when clang is absent.
    if [ "${missing[*]}" = clang ] && have gcc; then
      warn "could not install clang; building with gcc instead"
      return 0
    fi
    die "Native AOT needs: ${missing[*]} (apt-get install ${missing[*]})"
  fi
}

# dpkg-shlibdeps (install/package.sh reads the package's library dependencies with it).
ensure_dpkg_dev() {
  have dpkg-shlibdeps || apt_install dpkg-dev
  have dpkg-shlibdeps || die "dpkg-shlibdeps is still missing after installing dpkg-dev"
}

# GNU time (/usr/bin/time -f %M): the peak memory of a process (the memory specs, bench/run.sh).
ensure_gnu_time() {
  [ -x /usr/bin/time ] || apt_install time
  [ -x /usr/bin/time ] || die "/usr/bin/time is still missing after installing time"
}

# lintian, which checks the Debian package (install/package.sh --lintian, the package specs).
ensure_lintian() {
  have lintian || apt_install lintian
  have lintian || die "lintian is still missing after installing it"
}

ensure_etcd() {
  if ! have etcd || ! have etcdctl; then
    apt_install etcd-server etcd-client
  fi
  if ! have etcd || ! have etcdctl; then die "etcd and etcdctl are still missing after installing etcd-server and etcd-client"; fi
}

# The server specs (tests/SigilGate.EndToEnd.Tests/Servers) start their own gitolite behind a
# private sshd, and nginx with fcgiwrap, on free loopback ports; openssl makes their htpasswd.
# The packages' own services are not wanted: a policy-rc.d that answers 101 ("action
# forbidden", https://people.debian.org/~hmh/invokerc.d-policyrc.d-specification.txt) keeps
# invoke-rc.d and deb-systemd-invoke from starting them while they install, and is removed
# again. gitolite3 asks for an admin key; preseeded empty, it stays unconfigured.
ensure_git_servers() {
  local missing=() policy=/usr/sbin/policy-rc.d placed=0 status=0
  have gitolite || missing+=(gitolite3)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -x /usr/sbin/fcgiwrap ] || missing+=(fcgiwrap)
  have openssl || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  printf 'gitolite3 gitolite3/adminkey string\n' | as_root debconf-set-selections
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    placed=1
  fi
  (apt_install "${missing[@]}") || status=$?
  if [ "$placed" -eq 1 ]; then as_root rm -f "$policy"; fi
  [ "$status" -eq 0 ] || die "could not install ${missing[*]} (the server specs need them)"
  have gitolite && [ -x /usr/sbin/sshd ] && [ -x /usr/sbin/nginx ] && [ -x /usr/sbin/fcgiwrap ] ||
    die "gitolite3, openssh-server, nginx or fcgiwrap still missing after installing ${missing[*]}"
}

# The .NET runtime identifier of this machine, for 'dotnet publish -r'.
native_rid() {
  local arch libc=""
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "unsupported machine $(uname -m): Sigil Gate builds for x86_64 and aarch64" ;;
  esac
  if ldd --version 2>&1 | grep -qi musl; then libc=musl-; fi
  printf 'linux-%s%s\n' "$libc" "$arch"
}

# Whether something listens on 127.0.0.1:PORT. ss when present, else a connect with
# bash's /dev/tcp (no python, no netcat).
port_in_use() {
  local port=$1
  if have ss; then
    ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Prints a free TCP port on loopback, from a random start in 20000-59999.
# Not reserved: another program may take it before we bind it, so callers retry.
free_port() {
  local port tries
  for tries in $(seq 1 200); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_in_use "$port" || {
      printf '%s\n' "$port"
      return 0
    }
  done
  die "no free TCP port found on 127.0.0.1 after $tries tries"
}

# The words, joined by spaces, each in QUOTE (' or ") only where it needs quoting:
# for showing a command, or writing it into a crontab or a systemd unit.
quote_words() {
  local quote=$1 word out=""
  shift
  for word in "$@"; do
    if [[ "$word" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then
      out+=" $word"
    else
      out+=" $quote$word$quote"
    fi
  done
  printf '%s\n' "${out# }"
}

# A JSON string literal for $1: quotes, backslashes and control characters escaped.
json_string() {
  local s=$1 out="" c i code
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      '"') out+='\"' ;;
      \\) out+=\\\\ ;;
      $'\n') out+='\n' ;;
      $'\r') out+='\r' ;;
      $'\t') out+='\t' ;;
      *)
        printf -v code '%d' "'$c"
        if [ "$code" -ge 0 ] && [ "$code" -lt 32 ]; then
          printf -v c '\\u%04x' "$code"
        fi
        out+=$c
        ;;
    esac
  done
  printf '"%s"' "$out"
}

# Comma-separated etcd URLs, each http:// or https:// with a host.
check_etcd_urls() {
  local urls=$1 url list
  [ -n "$urls" ] || die "--etcd needs at least one URL, such as http://127.0.0.1:2379"
  IFS=, read -r -a list <<<"$urls"
  for url in "${list[@]}"; do
    case "$url" in
      http://?* | https://?*) ;;
      *) die "--etcd: '$url' is not an http:// or https:// URL (give a comma-separated list, such as http://10.0.0.1:2379,http://10.0.0.2:2379)" ;;
    esac
  done
}

check_prefix() {
  case "$1" in
    */ | //* | *' '*) die "--prefix '$1' must start with one '/', not end with '/' and hold no spaces (default /sigil)" ;;
    /?*) ;;
    *) die "--prefix '$1' must start with one '/', not end with '/' and hold no spaces (default /sigil)" ;;
  esac
}

check_branch() {
  git check-ref-format --branch "$1" >/dev/null 2>&1 || die "--branch '$1' is not a valid branch name"
}

# The folder holding the published executables: $SIGIL_BIN when set (prebuilt
# binaries); run from the Debian package (no source tree nor artifacts around the
# scripts), the package's /usr/lib/sigil-gate; else artifacts/bin, built (or brought up to date) by
# build.sh when the .NET SDK is here. Without the SDK, existing artifacts are used as
# they are, and without those the installed package's executables.
# Whether these scripts are the Debian package's (no sources, no artifacts beside them).
running_from_package() {
  [ -z "${SIGIL_BIN:-}" ] && [ ! -e "$SIGIL_REPO_ROOT/SigilGate.Hooks.sln" ] && [ ! -d "$SIGIL_REPO_ROOT/artifacts/bin" ]
}

sigil_bin_dir() {
  if [ -n "${SIGIL_BIN:-}" ]; then
    [ -d "$SIGIL_BIN" ] || die "SIGIL_BIN=$SIGIL_BIN is not a directory"
    (cd "$SIGIL_BIN" && pwd)
    return 0
  fi
  local bin="$SIGIL_REPO_ROOT/artifacts/bin" packaged=/usr/lib/sigil-gate
  # The package's scripts have neither sources nor artifacts beside them: never build.
  if running_from_package; then
    [ -x "$packaged/sigil" ] || die "$packaged/sigil is missing: reinstall the sigil-gate package, or set SIGIL_BIN"
    printf '%s\n' "$packaged"
    return 0
  fi
  if have dotnet; then
    bash "$SIGIL_REPO_ROOT/install/build.sh" >&2 || die "build failed (install/build.sh)"
  elif [ -d "$bin" ]; then
    warn "no .NET SDK here: using $bin as it is"
  elif [ -x "$packaged/sigil" ]; then
    warn "no .NET SDK and no $bin here: using the installed package's $packaged"
    bin=$packaged
  else
    die "$bin is missing and there is no .NET SDK to build it; build elsewhere with install/build.sh and copy artifacts/bin, install the sigil-gate package, or set SIGIL_BIN"
  fi
  printf '%s\n' "$bin"
}

# The libgit2 library that LibGit2Sharp loads from beside the executable.
libgit2_of() {
  local libs=("$1"/libgit2-*.so)
  [ -e "${libs[0]}" ] || die "no libgit2-*.so in $1: the executables cannot run without it (rebuild with install/build.sh --force)"
  [ ${#libs[@]} -eq 1 ] || die "more than one libgit2-*.so in $1: ${libs[*]##*/} (rebuild with install/build.sh --force)"
  printf '%s\n' "${libs[0]}"
}

# Copies SRC to DEST with MODE so that a reader never sees half a file: the copy is
# made under a temporary name in DEST's folder, then renamed over DEST (rename(2) is
# atomic within one file system). A running git push sees the old file or the new one.
install_file() {
  local src=$1 dest=$2 mode=$3 tmp
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
    chmod "$mode" "$dest"
    log "up to date: $dest"
    return 0
  fi
  tmp="$(dirname "$dest")/.$(basename "$dest").tmp.$$"
  cp "$src" "$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$dest"
  log "installed $dest"
}

# Writes stdin to FILE atomically, unless FILE already holds exactly that.
write_file() {
  local file=$1 mode=$2 tmp
  tmp="$(dirname "$file")/.$(basename "$file").tmp.$$"
  cat >"$tmp"
  if [ -f "$file" ] && cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
    log "up to date: $file"
    return 0
  fi
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$file"
  log "wrote $file"
}

# Installs the named executables from BIN into DIR beside their libgit2, each file
# atomically, and removes a libgit2 left by an earlier build.
install_executables() {
  local dir=$1 bin=$2 lib name old
  shift 2
  lib=$(libgit2_of "$bin")
  mkdir -p "$dir"
  # The library first: a new executable must find its libgit2 the moment it appears.
  install_file "$lib" "$dir/${lib##*/}" 0755
  for name in "$@"; do
    keep_foreign_hook "$dir/$name"
    install_file "$bin/$name" "$dir/$name" 0755
  done
  # libgit2's file name carries its version: another name is an earlier build's.
  for old in "$dir"/libgit2-*.so; do
    if [ "$old" != "$dir/${lib##*/}" ] && [ -e "$old" ]; then
      rm -f "$old"
      log "removed $old (from an earlier build)"
    fi
  done
}

# A hook file that is not ours (a script, or another program) is kept beside ours as
# NAME.pre-sigil rather than silently overwritten.
keep_foreign_hook() {
  local hook=$1
  [ -f "$hook" ] || return 0
  # An ELF file is taken for an earlier build of ours; anything else (a script) is not.
  if ! head -c 4 "$hook" | grep -q 'ELF'; then
    if [ ! -e "$hook.pre-sigil" ]; then
      mv "$hook" "$hook.pre-sigil"
      warn "an existing hook was moved aside to $hook.pre-sigil: Sigil Gate's replaces it (it is not chained)"
    else
      warn "replacing $hook ($hook.pre-sigil already holds an earlier one)"
    fi
  fi
}

# git on a repository given by path. An administrator installing as root into a
# repository owned by the account git runs as is not "dubious ownership" (git 2.35.2+
# refuses such repositories unless safe.directory, read from the command line too,
# says otherwise).
git_at() {
  local repo=$1
  shift
  git -c safe.directory='*' -C "$repo" "$@"
}

# The hooks folder git uses for a repository: honours core.hooksPath.
hooks_dir_of() {
  local repo=$1 dir
  dir=$(git_at "$repo" rev-parse --git-path hooks) || die "$repo is not a git repository"
  case "$dir" in
    /*) ;;
    *) dir="$(cd "$repo" && pwd)/$dir" ;;
  esac
  printf '%s\n' "$dir"
}

# Sets Etcd.Endpoints, Sigil.Prefix and Sigil.Branch in a sigil.json, keeping every
# other setting an operator put there (credentials, TLS files, timeouts). jq or python3
# merge into an existing file; without either, the old file is kept as a backup.
write_sigil_json() {
  local file=$1 endpoints=$2 prefix=$3 branch=$4 mode=${5:-0644}
  local merged
  if [ -s "$file" ] && ! _fresh_sigil_json "$endpoints" "$prefix" "$branch" | cmp -s - "$file"; then
    # Merged in full before anything is written: a failed merge leaves the file as it was.
    if have jq; then
      merged=$(jq --arg e "$endpoints" --arg p "$prefix" --arg b "$branch" \
        '.Etcd.Endpoints = $e | .Sigil.Prefix = $p | .Sigil.Branch = $b' "$file") ||
        die "$file is not valid JSON: fix or remove it, then run again"
      printf '%s\n' "$merged" | write_file "$file" "$mode"
      return 0
    elif have python3; then
      merged=$(python3 - "$file" "$endpoints" "$prefix" "$branch" <<'PY'
import json, sys
path, endpoints, prefix, branch = sys.argv[1:5]
with open(path, encoding="utf-8") as f:
    doc = json.load(f)
doc.setdefault("Etcd", {})["Endpoints"] = endpoints
doc.setdefault("Sigil", {})["Prefix"] = prefix
doc["Sigil"]["Branch"] = branch
print(json.dumps(doc, indent=2))
PY
      ) || die "$file is not valid JSON: fix or remove it, then run again"
      printf '%s\n' "$merged" | write_file "$file" "$mode"
      return 0
    else
      local backup
      backup="$file.$(date +%Y%m%d%H%M%S).bak"
      cp -p "$file" "$backup"
      warn "neither jq nor python3 is here to merge settings: $file is rewritten, the old one is kept as $backup"
    fi
  fi
  _fresh_sigil_json "$endpoints" "$prefix" "$branch" | write_file "$file" "$mode"
}

_fresh_sigil_json() {
  cat <<EOF
{
  "Etcd": {
    "Endpoints": $(json_string "$1")
  },
  "Sigil": {
    "Prefix": $(json_string "$2"),
    "Branch": $(json_string "$3")
  }
}
EOF
}

# Starts a throwaway single-member etcd on free loopback ports with its data in DIR.
# Sets ETCD_PID and ETCD_ENDPOINT; stop it with stop_etcd.
start_etcd() {
  local dir=$1 client peer attempt
  mkdir -p "$dir"
  for attempt in 1 2 3; do
    client=$(free_port)
    peer=$(free_port)
    [ "$client" != "$peer" ] || continue
    # etcd 3.4 refuses to start on arm64 unless told it is fine (it is, on Debian).
    if [ "$(uname -m)" = aarch64 ]; then export ETCD_UNSUPPORTED_ARCH=arm64; fi
    etcd --name sigil-demo --data-dir "$dir/data" \
      --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
      --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
      --initial-cluster "sigil-demo=http://127.0.0.1:$peer" --initial-cluster-state new \
      >"$dir/etcd.log" 2>&1 &
    ETCD_PID=$!
    ETCD_ENDPOINT="http://127.0.0.1:$client"
    local i
    for i in $(seq 1 100); do
      if ! kill -0 "$ETCD_PID" 2>/dev/null; then break; fi
      if ETCDCTL_API=3 etcdctl --endpoints "$ETCD_ENDPOINT" --dial-timeout 1s endpoint health >/dev/null 2>&1; then
        log "etcd $(etcd --version | sed -n 's/^etcd Version: //p') is up at $ETCD_ENDPOINT (pid $ETCD_PID, data in $dir/data)"
        return 0
      fi
      sleep 0.1
    done
    stop_etcd
    warn "etcd did not start on ports $client/$peer (attempt $attempt); log: $(tail -n 3 "$dir/etcd.log" | tr '\n' ' ')"
    rm -rf "$dir/data"
  done
  die "could not start etcd; see $dir/etcd.log"
}

stop_etcd() {
  if [ -n "${ETCD_PID:-}" ] && kill -0 "$ETCD_PID" 2>/dev/null; then
    kill "$ETCD_PID" 2>/dev/null || true
    wait "$ETCD_PID" 2>/dev/null || true
    log "stopped etcd (pid $ETCD_PID)"
  fi
  ETCD_PID=""
}
