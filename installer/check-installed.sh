#!/usr/bin/env bash
# Checks what `mvn -Pinstaller package` left in target/dist/: the app-image's --version, the .deb's
# Depends, then installs the .deb with apt, starts and stops a local stack with the installed
# launcher, and removes the package again. Needs root (or sudo) and network access for apt.
# CI runs it after the test suite; a developer can run it on a machine they may install on.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=target/dist
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }
fail() { echo "check-installed: $*" >&2; exit 1; }

check_version() {
    local launcher=$1 out first
    out=$("$launcher" --version) || fail "$launcher --version exited with $?"
    printf '%s\n' "$out"
    first=$(printf '%s\n' "$out" | head -n 1)
    [[ $first =~ ^Ringside\ ${version//./\\.}\ \(build\ [0-9a-f]{7,}(-dirty)?\)$ ]] \
        || fail "$launcher --version: expected 'Ringside $version (build <commit>)', got '$first'"
}

step "app-image: $dist/ringside/bin/ringside --version"
[ -x "$dist/ringside/bin/ringside" ] || fail "no app-image launcher at $dist/ringside/bin/ringside (run mvn -Pinstaller package -DskipTests)"
check_version "$dist/ringside/bin/ringside"

shopt -s nullglob
debs=("$dist"/ringside_*.deb)
[ "${#debs[@]}" -eq 1 ] || fail "expected one $dist/ringside_*.deb, found ${#debs[@]}"
deb=${debs[0]}

step "dpkg-deb -I $deb"
dpkg-deb -I "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
for package in libgtk-3-0 libfontconfig1; do
    tr ',|' '\n\n' <<<"$depends" | sed 's/^ *//; s/[ (].*$//' | grep -qx "$package" \
        || fail "$deb does not depend on $package (Depends: $depends)"
done

if dpkg-query -W -f '${Status}' ringside 2>/dev/null | grep -q 'install ok installed'; then
    step "removing the ringside package installed before"
    "${sudo[@]}" apt-get remove -y -q ringside
fi

if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    step "apt-get update (no package lists yet: the Depends could not be resolved)"
    "${sudo[@]}" apt-get update -q
fi

step "apt-get install -y ./$deb"
"${sudo[@]}" apt-get install -y -q --no-install-recommends "./$deb"

installed=/usr/bin/ringside
[ -L "$installed" ] || fail "postinst did not link $installed"
[ "$(readlink "$installed")" = /opt/ringside/bin/ringside ] || fail "$installed points to $(readlink "$installed")"

step "installed: $installed --version"
check_version "$installed"

# A cache folder of its own: the server classpaths are resolved again by Maven Resolver inside the
# installed runtime (from the Maven local repository, or from Maven Central when it lacks them).
data=$(mktemp -d)
RINGSIDE_CACHE=$(mktemp -d)
export RINGSIDE_CACHE
stop_stack() { "$installed" --data "$data" stack down >/dev/null 2>&1 || true; }
trap stop_stack EXIT

step "installed: ringside --data $data stack up --detach"
"$installed" --data "$data" stack up --detach
step "installed: ringside stack status"
"$installed" --data "$data" stack status || fail "stack status exited with $? after stack up"
step "installed: ringside stack down"
"$installed" --data "$data" stack down
trap - EXIT
rm -rf "$data" "$RINGSIDE_CACHE"

step "apt-get remove -y ringside"
"${sudo[@]}" apt-get remove -y -q ringside
[ ! -e "$installed" ] && [ ! -L "$installed" ] || fail "prerm left $installed behind"
[ ! -e /opt/ringside/bin/ringside ] || fail "/opt/ringside/bin/ringside is still there after removal"

echo
echo "check-installed: OK ($deb)"
