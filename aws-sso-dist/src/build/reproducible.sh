#!/usr/bin/env bash
# Checks that the build is reproducible: clones the last commit twice, into two directories of
# different names, builds each (the jars, the archives, the Debian package, the SBOM), and compares
# the SHA-256 of every jar and artifact. Exits 0 when all are byte-identical; nothing is excluded
# (the class-data archive of a Java 21+ runtime is dumped deterministically, see runtime-image.sh).
# For a differing archive it lists the entries that differ.
#
# Usage: aws-sso-dist/src/build/reproducible.sh [extra Maven options, e.g. -Daws-sso.runtime.jdk=...]
#   (the release build: -Daws-sso.runtime.jdk=/usr/lib/jvm/temurin-25-jdk-amd64). Two builds of the
#   packaged modules: about 2 minutes on a quiet 2-core machine, so it is a script, not a test.
#
# REPRO_WORK=<dir> keeps the two builds there (and reuses builds already in it).
set -uo pipefail

root="$(CDPATH='' cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../../.." && pwd)"
if [[ -n "${REPRO_WORK:-}" ]]; then
    work="$REPRO_WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi

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
        *.zip) unzip -q "$1" -d "$2" && unzip -Z -l "$1" >"$2.listing" ;;
        *.tar.gz) tar -xzf "$1" -C "$2" && tar -tvzf "$1" >"$2.listing" ;;
        *.deb) (cd "$2" && ar x "$1" && mkdir data control && tar -xf data.tar.* -C data &&
                tar -tvf data.tar.* >"$2.listing" && tar -xf control.tar.* -C control && rm -f data.tar.* control.tar.*) ;;
    esac
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
    else
        echo "DIFFERENT  $file"; status=1
        if [[ "$file" == *.tar.gz || "$file" == *.zip || "$file" == *.deb ]]; then
            rm -rf "$work/x"
            unpack "$a" "$work/x/first" && unpack "$b" "$work/x/second-build"
            diff -rq "$work/x/first" "$work/x/second-build" | head
            diff "$work/x/first.listing" "$work/x/second-build.listing" | head
            rm -rf "$work/x"
        fi
    fi
done < <(artifacts first)
((status == 0)) && echo "reproducible: yes" || echo "reproducible: NO"
exit "$status"
