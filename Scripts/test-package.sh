#!/usr/bin/env bash
# Builds the Debian package and tries it as a user would, as root: lintian finds no error; apt installs
# it; the binary needs nothing from the Swift toolchain; the acceptance checks pass against
# /usr/bin/spiegel in a minimal environment; `man spiegel` renders; the bash completion loads; and
# removing and purging the package leaves none of its files.
# Usage: Scripts/test-package.sh [SHARED_DIR]   (default ../shared, which holds acceptance/check)
# Needs: what Scripts/package.sh needs, and lintian, man-db and python3-pexpect.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"

passed=0
step() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); }
fail() { echo "test-package: $*" >&2; echo "package: $passed passed, 1 failed"; exit 1; }

step "build the package"
dpkg-query -W -f='${Status}\n' spiegel 2>/dev/null | grep -q '^install ok' && apt-get purge -y spiegel >/dev/null
rm -f dist/spiegel_*.deb
start=$(date +%s)
Scripts/package.sh
echo "package built in $(( $(date +%s) - start )) s"
deb=$(ls dist/spiegel_*.deb)
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
pass

step "lintian"
lintian --fail-on error --display-info "$deb" || fail "lintian reports errors"
pass

step "install with apt"
apt-get install -y "./$deb"
version=$(dpkg-query -W -f='${Version}' spiegel)
[ "$(/usr/bin/spiegel --version)" = "$version" ] || fail "spiegel --version is not the package version $version"
pass

step "shared libraries"
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
ldd /usr/bin/spiegel
if ldd /usr/bin/spiegel | grep -E "$toolchain|/opt/swift|not found"; then
  fail "/usr/bin/spiegel needs a library from the Swift toolchain or a missing one"
fi
pass

step "acceptance checks against /usr/bin/spiegel in a minimal environment"
home=$(mktemp -d)
env -i PATH=/usr/bin:/bin HOME="$home" SPIEGEL_ACCEPTANCE_EXE=/usr/bin/spiegel "$shared/acceptance/check" \
  || fail "acceptance checks failed against the installed binary"
rm -rf "$home"
pass

step "man page"
page=$(env -i PATH=/usr/bin:/bin MANWIDTH=80 man --warnings spiegel 2>"${TMPDIR:-/tmp}/spiegel-man-warnings" | col -b)
cat "${TMPDIR:-/tmp}/spiegel-man-warnings"
grep -q '^NAME' <<<"$page" && grep -q 'spiegel' <<<"$page" || fail "man spiegel does not render"
echo "man spiegel: $(wc -l <<<"$page") lines"
pass

step "bash completion"
env -i PATH=/usr/bin:/bin bash -c 'source /usr/share/bash-completion/completions/spiegel && complete -p spiegel' \
  || fail "the bash completion does not load"
pass

step "remove and purge"
files=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./|/|' | grep -v '/$')
apt-get remove -y spiegel
dpkg --purge spiegel
left=$(while read -r f; do [ -e "$f" ] && echo "$f"; done <<<"$files" || true)
[ -z "$left" ] || fail "files left after purge: $left"
dpkg-query -W spiegel 2>/dev/null | grep -q . && fail "dpkg still knows spiegel"
[ ! -e /usr/share/doc/spiegel ] || fail "/usr/share/doc/spiegel is left after purge"
echo "no file of the package is left ($(wc -l <<<"$files") files checked)"
pass
echo "package: $passed passed, 0 failed"
