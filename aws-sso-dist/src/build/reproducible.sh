#!/usr/bin/env bash
# Checks that the build is reproducible: clones the last commit twice, into two directories of
# different names, builds each (the jars, the archives, the Debian package, the SBOM), and compares
# the SHA-256 of every jar and artifact. Exits 0 when all are byte-identical.
#
# Usage: aws-sso-dist/src/build/reproducible.sh [extra Maven options, e.g. -Daws-sso.runtime.jdk=...]
#
# Known exceptions, excluded by name and reported: the JVM's class-data dumps inside the archives.
#   lib/aws-sso-process.aot, lib/aws-sso.aot   ahead-of-time caches of a Java 24+ runtime
#   runtime/lib/server/classes.jsa             the default CDS archive jlink makes (Java 17-23)
#   lib/aws-sso.jsa, lib/aws-sso.jsa.stamp     the JDK-less archives' CDS archive for the build
#                                              machine, and the stamp naming the directory it fits
# They are dumps of a JVM's memory after a (training) run: which classes got loaded and linked, in
# what order, the method profiles and identity hashes depend on timing, so two dumps in the same
# directory already differ (in size, too); JDK 17 offers no option that makes them deterministic,
# and the stamp records the build directory by design. The archives holding them (the tar.gz, zip
# and .deb files) are then compared entry by entry: every other entry must be identical, with the
# same modes, owners and times (the listings are compared too).
#
# REPRO_WORK=<dir> keeps the two builds there (and reuses builds already in it).
# (The zip listing's first two lines and its last sum up sizes, which the excluded dumps change.)
set -uo pipefail

root="$(CDPATH='' cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../../.." && pwd)"
if [[ -n "${REPRO_WORK:-}" ]]; then
    work="$REPRO_WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
excluded='(\.aot|/runtime/lib/server/classes\.jsa|/lib/aws-sso\.jsa|/lib/aws-sso\.jsa\.stamp)$'

build() { # $1: directory name
    [[ -f "$work/$1/aws-sso-dist/target/SHA256SUMS" ]] && return 0
    rm -rf "${work:?}/$1"
    git clone -q --no-local "$root" "$work/$1" || exit 1
    (cd "$work/$1" && ./mvnw -B -q package -pl aws-sso-dist -am -Dmaven.test.skip=true "${@:2}") >"$work/$1.log" 2>&1 ||
        { tail -40 "$work/$1.log" >&2; echo "reproducible: the build in $1 failed" >&2; exit 1; }
}

artifacts() { # the files compared, relative to the clone
    (cd "$work/$1" && find . -path ./aws-sso-dist/target/archive-tmp -prune -o -path '*/target/*' -type f \
        \( -name '*.jar' -o -name '*.zip' -o -name '*.tar.gz' -o -name '*.deb' -o -name '*.cdx.json' \
        -o -name SHA256SUMS \) -print | grep -v -e '/target/lib/' -e '/target/aws-sso-[^/]*/' | sort)
}

unpack() { # $1: archive, $2: directory; writes $2.listing (entries with modes, owners, sizes, times)
    mkdir -p "$2"
    case "$1" in
        *.zip) unzip -q "$1" -d "$2" && unzip -Z -l "$1" | sed '1,2d;$d' | grep -Ev "$excluded" >"$2.listing" ;;
        *.tar.gz) tar -xzf "$1" -C "$2" && tar -tvzf "$1" | grep -Ev "$excluded" >"$2.listing" ;;
        *.deb) (cd "$2" && ar x "$1" && mkdir data control && tar -xf data.tar.* -C data &&
                tar -tvf data.tar.* | grep -Ev "$excluded" >"$2.listing" && tar -xf control.tar.* -C control &&
                rm -f data.tar.* control.tar.* && grep -Ev "$excluded" control/md5sums >control/md5sums.kept &&
                mv control/md5sums.kept control/md5sums) ;;
    esac || return 1
    find "$2" -type f | grep -E "$excluded" | while IFS= read -r f; do rm -f "$f"; done
}

echo "reproducible: building $(git -C "$root" rev-parse --short HEAD) twice (this takes minutes)" >&2
build first "$@"
build second-build "$@"

status=0
while IFS= read -r file; do
    a="$work/first/$file" b="$work/second-build/$file"
    if [[ ! -f "$b" ]]; then
        echo "MISSING    $file (second build)"; status=1
    elif cmp -s "$a" "$b"; then
        echo "identical  $(sha256sum <"$a" | cut -c1-16)  $file"
    elif [[ "$file" == */SHA256SUMS ]]; then
        echo "differs    $file (it lists the archives below)"
    elif [[ "$file" == *.tar.gz || "$file" == *.zip || "$file" == *.deb ]]; then
        rm -rf "$work/x"
        if unpack "$a" "$work/x/first" && unpack "$b" "$work/x/second-build" &&
            diff -r "$work/x/first" "$work/x/second-build" >/dev/null &&
            diff "$work/x/first.listing" "$work/x/second-build.listing" >/dev/null; then
            echo "identical but for the class-data dumps  $file"
        else
            echo "DIFFERENT  $file:"; diff -rq "$work/x/first" "$work/x/second-build" | head; status=1
        fi
        rm -rf "$work/x"
    else
        echo "DIFFERENT  $file"; status=1
    fi
done < <(artifacts first)
((status == 0)) && echo "reproducible: yes" || echo "reproducible: NO"
exit "$status"
