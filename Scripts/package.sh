#!/usr/bin/env bash
# Builds Spiegel's Debian package, dist/spiegel_VERSION_ARCH.deb: a stripped release binary with the
# Swift runtime and Foundation linked statically (at run time it needs only Debian's own libraries),
# its man page, bash/zsh/fish completions and copyright file. Depends is computed by dpkg-shlibdeps.
# Usage: Scripts/package.sh [--version VERSION]
#   VERSION defaults to $SPIEGEL_VERSION, else to `git describe` of a vX.Y.Z tag, else to the version
#   in Sources/SpiegelCLI/Support/Version.swift followed by ~git<commit date>.<commit>.
# Needs: swift, dpkg-dev, binutils, libedit-dev and pkg-config.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 022

version_file=Sources/SpiegelCLI/Support/Version.swift
version="${SPIEGEL_VERSION:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --version=*) version="${1#--version=}"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument '$1' (try --version VERSION)" >&2; exit 64 ;;
  esac
done

# The version of this checkout: 1.2.0 at tag v1.2.0, 1.2.0+git3.abc1234 three commits after it, and
# 1.0.0~git20261130.abc1234 (sorting before 1.0.0) where no tag exists yet.
checkout_version() {
  local described base
  if described=$(git describe --tags --match 'v[0-9]*' 2>/dev/null); then
    echo "${described#v}" | sed -E 's/-([0-9]+)-g([0-9a-f]+)$/+git\1.\2/'
  else
    base=$(sed -n 's/.*current = "\([0-9][0-9.]*\)-dev".*/\1/p' "$version_file")
    echo "${base}~git$(git log -1 --format=%cd --date=format:%Y%m%d).$(git rev-parse --short=7 HEAD)"
  fi
}
[ -n "$version" ] || version=$(checkout_version)
if ! [[ "$version" =~ ^[0-9][A-Za-z0-9.+~]*$ ]]; then
  echo "package.sh: version '$version' is not a Debian version (digits first, then letters, digits, . + ~)" >&2
  exit 64
fi
arch=$(dpkg --print-architecture)
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$epoch}"

work=$(mktemp -d)
cp "$version_file" "$work/Version.swift"
restore_version() { [ -f "$work/Version.swift" ] && cp "$work/Version.swift" "$version_file"; rm -rf "$work"; }
trap restore_version EXIT

# Build: the version stamped into the source for this build only; the runtime and Foundation static;
# no $ORIGIN run path; no exported symbols, so that the linker drops the code nothing calls; symbols
# bound at start (read-only relocations, as Debian's hardening asks).
sed -i "s/current = \"[^\"]*\"/current = \"$version\"/" "$version_file"
build=(swift build -c release --static-swift-stdlib --disable-local-rpath -Xlinker --no-export-dynamic
  -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now)
"${build[@]}" --product spiegel
"${build[@]}" --product generate-manual
cp "$work/Version.swift" "$version_file"
bin_dir=$("${build[@]}" --show-bin-path)

root="$work/root"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/spiegel" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d"
exe="$root/usr/bin/spiegel"
install -m 0755 "$bin_dir/spiegel" "$exe"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$exe"

stamped=$("$exe" --version)
if [ "$stamped" != "$version" ]; then
  echo "package.sh: the binary says it is version '$stamped', not '$version'" >&2
  exit 70
fi
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if readelf -d "$exe" | grep -E 'NEEDED.*(libswift|Foundation|libdispatch|libBlocksRuntime)'; then
  echo "package.sh: the binary still needs the Swift runtime as a shared library" >&2
  exit 70
fi
if ldd "$exe" | grep -E "$toolchain|not found"; then
  echo "package.sh: the binary needs a library from the Swift toolchain ($toolchain) or a missing one" >&2
  exit 70
fi

# The man page and completions come from the argument parser, run on the binary itself.
"$bin_dir/generate-manual" "$exe" --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" --output-directory "$work"
gzip -9n < "$work/spiegel.1" > "$root/usr/share/man/man1/spiegel.1.gz"
# A completion file is sourced, not run: no #! line.
"$exe" --generate-completion-script bash | sed '1{/^#!/d}' > "$root/usr/share/bash-completion/completions/spiegel"
"$exe" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_spiegel"
"$exe" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/spiegel.fish"

install -m 0644 Scripts/debian/copyright "$root/usr/share/doc/spiegel/copyright"
install -D -m 0644 Scripts/debian/lintian-overrides "$root/usr/share/lintian/overrides/spiegel"
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
maintainer="${SPIEGEL_MAINTAINER:-Spiegel maintainers <maintainers@spiegel.invalid>}"
{
  echo "spiegel ($version) unstable; urgency=medium"
  echo
  echo "  * Spiegel $version, built from commit $commit."
  echo
  echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$root/usr/share/doc/spiegel/changelog.gz"

# Depends: what dpkg-shlibdeps finds the binary links (libc, libedit, and whatever is linked later).
mkdir -p "$work/source/debian"
printf 'Source: spiegel\n\nPackage: spiegel\nArchitecture: any\n' > "$work/source/debian/control"
depends=$(cd "$work/source" && dpkg-shlibdeps -O "$exe" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps found no dependencies" >&2; exit 70; }

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: spiegel
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: utils
Priority: optional
Description: coach in your terminal for becoming more customer-centric
 Spiegel ("mirror") coaches professionals who want to become more
 customer-centric: front desk, facility, housing, welfare, hospitality and
 small business. It rests on five principles: interest, connection, action,
 awareness and boundaries.
 .
 It offers a shell with line editing, a knowledge graph of principles,
 practices and barriers in English and Dutch, reflective exercises whose
 answers go into a private journal, recommendations of what to practise
 next, and exports and a review mode for coaches.
EOF
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

mkdir -p dist
deb="dist/spiegel_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$root" "$deb" >/dev/null
echo "$deb: $(du -h "$deb" | cut -f1), binary $(du -h "$exe" | cut -f1), Depends: $depends"
