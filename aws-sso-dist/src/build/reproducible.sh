#!/usr/bin/env bash
# Checks that the build is reproducible: clones the last commit twice, into two directories of
# different names, builds each (the jars, the archives, the Debian package, the SBOM), and compares
# the SHA-256 of every jar and artifact. Exits 0 when all are byte-identical.
#
# Usage: aws-sso-dist/src/build/reproducible.sh [extra Maven options, e.g. -Daws-sso.runtime.jdk=...]
#
# One known exception, excluded by name and reported: the ahead-of-time caches a Java 24+ runtime
# gets (lib/aws-sso-process.aot, lib/aws-sso.aot). The JVM writes them from a training run: which
# classes get loaded and linked, and the method profiles it records, depend on timing, and no JVM
# option makes the file deterministic (two runs in the same directory already differ in size).
# Then the archives that hold them (the platform tar.gz and the .deb) are compared entry by entry:
# everything else in them must be identical, modes, owners and times included.
set -euo pipefail

root="$(CDPATH='' cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
caches=(lib/aws-sso-process.aot lib/aws-sso.aot)

build() { # $1: directory name
    git clone -q --no-local "$root" "$work/$1"
    (cd "$work/$1" && ./mvnw -B -q package -pl aws-sso-dist -am -Dmaven.test.skip=true "${@:2}") >"$work/$1.log" 2>&1 ||
        { tail -40 "$work/$1.log" >&2; echo "reproducible: the build in $1 failed" >&2; exit 1; }
}

artifacts() { # the files compared, relative to the clone
    (cd "$work/$1" && find . -path ./aws-sso-dist/target/archive-tmp -prune -o -path '*/target/*' -type f \
        \( -name '*.jar' -o -name '*.zip' -o -name '*.tar.gz' -o -name '*.deb' -o -name '*.cdx.json' \
        -o -name SHA256SUMS \) -print | grep -v '/target/lib/' | sort)
}

echo "reproducible: building $(git -C "$root" rev-parse --short HEAD) twice (this takes minutes)" >&2
build first "$@"
build second-build "$@"

status=0
with_caches=()
while IFS= read -r file; do
    a="$work/first/$file" b="$work/second-build/$file"
    if [[ ! -f "$b" ]]; then
        echo "MISSING in the second build: $file"; status=1
    elif cmp -s "$a" "$b"; then
        echo "identical  $(sha256sum <"$a" | cut -c1-16)  $file"
    elif [[ "$file" == *.tar.gz || "$file" == *.deb || "$file" == */SHA256SUMS ]]; then
        with_caches+=("$file") # compared entry by entry below
    else
        echo "DIFFERENT  $file"; status=1
    fi
done < <(artifacts first)

# Archives that differ: unpack both and compare every entry but the caches.
for file in "${with_caches[@]}"; do
    if [[ "$file" == */SHA256SUMS ]]; then
        diff <(grep -v -e '-linux-\|\.deb$' "$work/first/$file") <(grep -v -e '-linux-\|\.deb$' "$work/second-build/$file") >/dev/null &&
            echo "identical but for the archives holding caches  $file" ||
            { echo "DIFFERENT  $file"; status=1; }
        continue
    fi
    for side in first second-build; do
        mkdir -p "$work/x/$side"
        if [[ "$file" == *.deb ]]; then
            (cd "$work/x/$side" && ar x "$work/$side/$file" && mkdir data control &&
                tar -tvf data.tar.* | grep -v '\.aot$' >listing && tar -xf data.tar.* -C data &&
                tar -xf control.tar.* -C control && rm -f data.tar.* control.tar.* &&
                sed -i '/\.aot$/d' control/md5sums)
        else
            tar -tvzf "$work/$side/$file" | grep -v '\.aot$' >"$work/x/$side/listing"
            tar -xzf "$work/$side/$file" -C "$work/x/$side"
        fi
        find "$work/x/$side" -name '*.aot' -delete
    done
    if diff -r "$work/x/first" "$work/x/second-build" >/dev/null; then
        echo "identical but for ${caches[*]}  $file"
    else
        echo "DIFFERENT  $file (beyond the caches):"; diff -rq "$work/x/first" "$work/x/second-build" | head; status=1
    fi
    rm -rf "$work/x"
done
((status == 0)) && echo "reproducible: yes" || echo "reproducible: NO"
exit "$status"
