#!/usr/bin/env bash
# Builds the Debian package artifacts/sigil-gate_<version>_<arch>.deb from the published
# executables (SIGIL_BIN, else artifacts/bin, built by build.sh when the SDK is here).
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: install/package.sh [--lintian]

Builds artifacts/sigil-gate_<version>_<arch>.deb with dpkg-deb:
  /usr/lib/sigil-gate/              pre-receive, post-receive, pre-commit, sigil, libgit2-*.so
  /usr/bin/sigil                    a link to /usr/lib/sigil-gate/sigil
  /usr/share/sigil-gate/install/    install-server.sh, install-node.sh, install-client.sh, lib.sh
  /lib/systemd/system/              sigil-push@.service and sigil-push@.timer (instance: Core node id)
  /usr/share/doc/sigil-gate/        README, docs, copyright, third-party notices
The executables come from SIGIL_BIN when set, else from artifacts/bin (install/build.sh
brings it up to date first when the .NET SDK is here). The version is VersionPrefix of
Directory.Build.props, plus the commit count and id: 0.1.0+git170.8ddabea; a warning
says so when the executables' --version names another commit (or -dirty).
Installs dpkg-dev (dpkg-shlibdeps) with apt-get when it is missing.

  --lintian   check the package with lintian afterwards (exit 1 on an error or warning)
  --help      show this help

Environment: SIGIL_DEB_MAINTAINER="Name <address>" for the Maintainer field.
EOF
}

run_lintian=0
while [ $# -gt 0 ]; do
  case "$1" in
    --lintian) run_lintian=1 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see install/package.sh --help)" ;;
  esac
  shift
done

# The ELF machine of FILE (bytes 18-19) matches the Debian architecture ARCH.
check_elf_arch() {
  local file=$1 arch=$2 machine expected
  machine=$(od -An -tx1 -j18 -N2 "$file" | tr -d ' \n')
  case "$arch" in
    amd64) expected=3e00 ;;
    arm64) expected=b700 ;;
    *) die "unsupported Debian architecture $arch: Sigil Gate builds for amd64 and arm64" ;;
  esac
  [ "$machine" = "$expected" ] || die "$file is not built for $arch (ELF machine $machine): build on an $arch machine"
}

# A native package's changelog: one entry for this build, pointing at the project's history.
write_changelog() {
  local version=$1 maintainer=$2
  cat <<EOF
sigil-gate ($version) unstable; urgency=medium

  * Built from the project's commit ${version##*.}; its git history lists
    the changes.

 -- $maintainer  $(date -R -u -d "@$SOURCE_DATE_EPOCH")
EOF
}

# The Depends that dpkg-shlibdeps derives from the ELF files in DIR (it wants a
# debian/control in the folder it runs from, so it runs in a scratch one). Only its warning
# about missing symbols is kept: libgit2 is linked with libdl and libpthread it does not use.
shlibs_depends() {
  local dir scratch line
  dir=$(cd "$1" && pwd)
  scratch=$(mktemp -d)
  mkdir "$scratch/debian"
  printf 'Source: sigil-gate\n\nPackage: sigil-gate\nArchitecture: any\n' >"$scratch/debian/control"
  line=$(cd "$scratch" && dpkg-shlibdeps -O --warnings=1 "$dir"/*) || {
    rm -rf "$scratch"
    die "dpkg-shlibdeps failed on $dir"
  }
  rm -rf "$scratch"
  line=${line#shlibs:Depends=}
  [ -n "$line" ] || die "dpkg-shlibdeps found no dependencies in $dir"
  printf '%s\n' "$line"
}

cd "$SIGIL_REPO_ROOT"
ensure_dpkg_dev
if [ "$run_lintian" -eq 1 ]; then ensure_lintian; fi
deb_src=install/deb

bin=$(sigil_bin_dir)
[ "$bin" != /usr/lib/sigil-gate ] || die "refusing to package the installed package's own executables: set SIGIL_BIN or build artifacts/bin"
for exe in "${SIGIL_EXECUTABLES[@]}"; do [ -x "$bin/$exe" ] || die "$bin/$exe is missing or not executable"; done
lib=$(libgit2_of "$bin")

# The version: one source (Directory.Build.props), the commit count keeping upgrades in order.
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props | head -n 1)
[ -n "$prefix" ] || die "no <VersionPrefix> in Directory.Build.props"
version=$prefix
if git rev-parse --git-dir >/dev/null 2>&1; then
  version="$prefix+git$(git rev-list --count HEAD).$(git rev-parse --short=7 HEAD)"
  SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
arch=$(dpkg --print-architecture)
check_elf_arch "$bin/sigil" "$arch"
# The executables name the commit they were built from (install/build.sh passes it): a
# package of another commit's executables is labelled with this checkout's version.
built=$("$bin/sigil" --version 2>/dev/null) || built="no --version"
expected="sigil $prefix+$(bash install/revision.sh)"
[ "$built" = "$expected" ] || warn "$bin/sigil says '$built', this checkout is '$expected': packaging it as $version anyway"
maintainer=${SIGIL_DEB_MAINTAINER:-Sigil Gate maintainers <sigil-gate@example.org>}

out=artifacts/sigil-gate_${version}_$arch.deb
# A folder of its own: two builds at once do not mix their trees.
stage=artifacts/deb.$$
root=$stage/root
rm -rf "$stage"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$root/DEBIAN"
umask 022

# Executables and libgit2, stripped as dh_strip would (libgit2 arrives with its symbols).
libdir=$root/usr/lib/sigil-gate
mkdir -p "$libdir" "$root/usr/bin"
for exe in "${SIGIL_EXECUTABLES[@]}"; do
  install -m 0755 "$bin/$exe" "$libdir/$exe"
  # Already stripped of symbols (StripSymbols); the linker's .comment goes too.
  strip --remove-section=.comment "$libdir/$exe"
done
install -m 0644 "$lib" "$libdir/${lib##*/}"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$libdir/${lib##*/}"
# Relative, as policy wants within /usr. The executable finds libgit2 through it: .NET takes
# its base folder from /proc/self/exe, where the link is already resolved.
ln -s ../lib/sigil-gate/sigil "$root/usr/bin/sigil"

# The install scripts, run from the package with its executables (lib.sh: sigil_bin_dir).
share=$root/usr/share/sigil-gate/install
mkdir -p "$share"
for script in install-server.sh install-node.sh install-client.sh; do install -m 0755 "install/$script" "$share/$script"; done
install -m 0644 install/lib.sh "$share/lib.sh"

units=$root/lib/systemd/system
mkdir -p "$units"
install -m 0644 "$deb_src/sigil-push@.service" "$deb_src/sigil-push@.timer" "$units/"

# Documentation, compressed as dh_compress does (all but copyright).
doc=$root/usr/share/doc/sigil-gate
mkdir -p "$doc/docs" "$doc/notices"
install -m 0644 README.md "$doc/README.md"
install -m 0644 docs/*.md "$doc/docs/"
install -m 0644 "$deb_src/notices/"*.txt "$doc/notices/"
install -m 0644 "$deb_src/copyright" "$doc/copyright"
write_changelog "$version" "$maintainer" >"$doc/changelog"
find "$doc" -type f ! -name copyright -exec gzip -9n {} +
mkdir -p "$root/usr/share/man/man1"
gzip -9n <"$deb_src/sigil.1" >"$root/usr/share/man/man1/sigil.1.gz"
chmod 0644 "$root/usr/share/man/man1/sigil.1.gz"
mkdir -p "$root/usr/share/lintian/overrides"
install -m 0644 "$deb_src/lintian-overrides" "$root/usr/share/lintian/overrides/sigil-gate"

for script in postinst prerm postrm; do install -m 0755 "$deb_src/$script" "$root/DEBIAN/$script"; done
depends=$(shlibs_depends "$libdir")
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@MAINTAINER@/$maintainer/" \
  -e "s/@INSTALLED_SIZE@/$size/" -e "s/@SHLIBS_DEPENDS@/$depends/" "$deb_src/control.in" >"$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz -z6 --build "$root" "$stage/package.deb" >/dev/null
# One package in artifacts/: the one just built (an earlier build's goes).
rm -f artifacts/sigil-gate_*.deb
mv "$stage/package.deb" "$out"
log "built $SIGIL_REPO_ROOT/$out ($(du -k "$out" | cut -f1) KiB; executables from $bin)"

if [ "$run_lintian" -eq 1 ]; then
  log "lintian $out"
  # Errors and warnings fail; info and pedantic tags are shown only.
  lintian --fail-on error,warning --display-info "$out" || die "lintian found errors or warnings in $out"
  log "lintian: no errors or warnings"
fi
