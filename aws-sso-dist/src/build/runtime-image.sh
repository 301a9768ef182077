#!/usr/bin/env bash
# Builds the self-contained install (aws-sso-<version>-<platform>/) from the staged JDK-less one:
# the same bin/, lib/, man/ and completions/, plus runtime/ (a jlink image of exactly the JDK
# modules the tool needs) and, when that runtime has ahead-of-time caches (Java 24+) and runs on
# this machine, the caches for `process` and for the rest of the tool, made here at build time so
# that the first run after install is already fast and nothing is recorded into the user's home.
#
# Usage: runtime-image.sh STAGED OUT TARGET_JDK JLINK_JDK TIMESTAMP
#   STAGED      the staged JDK-less install (target/aws-sso-<version>)
#   OUT         the directory to create (target/aws-sso-<version>-<platform>)
#   TARGET_JDK  the JDK whose modules go into runtime/ (its jmods/ must be there)
#   JLINK_JDK   the JDK whose jlink and jdeps run here (same feature version as TARGET_JDK)
#   TIMESTAMP   project.build.outputTimestamp: every file's modification time (reproducible
#               archives; the caches check the jars' times, so they must match what tar and dpkg
#               restore, which is this time too)
set -euo pipefail

staged="$1" out="$2" target_jdk="$3" jlink_jdk="$4" timestamp="$5"

say() { printf 'runtime-image: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

if [[ "$timestamp" =~ ^[0-9]+$ ]]; then
    epoch="$timestamp"
else
    epoch="$(date -u -d "$timestamp" +%s)" || die "cannot read the output timestamp $timestamp"
fi

feature_of() { # the feature version in a JDK's release file
    local line version=""
    while IFS= read -r line; do
        [[ "$line" == JAVA_VERSION=\"*\" ]] && version="${line#JAVA_VERSION=\"}" && version="${version%\"}"
    done <"$1/release"
    printf '%s\n' "${version%%[.+_-]*}"
}

[[ -r "$target_jdk/release" ]] || die "no JDK at $target_jdk (set -Daws-sso.runtime.jdk)"
[[ -x "$jlink_jdk/bin/jlink" ]] || die "no jlink in $jlink_jdk (set -Daws-sso.jlink.jdk)"
feature="$(feature_of "$target_jdk")"
[[ "$(feature_of "$jlink_jdk")" == "$feature" ]] ||
    die "jlink of Java $(feature_of "$jlink_jdk") cannot link the modules of Java $feature"
jmods="$target_jdk/jmods"
[[ -d "$jmods" ]] || jmods="" # Java 24+ can link from the run-time image itself (JEP 493)

rm -rf "$out"
mkdir -p "$out"
cp -a "$staged/bin" "$staged/lib" "$staged/man" "$staged/completions" "$staged/LICENSE" "$out/"
# Not for this install: the Windows launcher, and the archive made for the build machine's JDK.
rm -f "$out/bin/aws-sso.cmd" "$out/lib/aws-sso.jsa" "$out/lib/aws-sso.jsa.stamp"

# The modules, as the module graph decides: every JDK module an application module in lib/
# requires (resolving the tool as it is launched, `-p lib -m io.awssso.cli`), together with what
# jdeps finds their classes use (for `process`, which runs on the class path). jlink adds what those
# modules require in turn. Plus the elliptic-curve provider, which TLS finds through ServiceLoader
# (a binding, not a requirement; Java 22+ has it in java.base and keeps only an empty module).
required="$("$jlink_jdk/bin/java" --show-module-resolution --dry-run -p "$out/lib" \
    -m io.awssso.cli/io.awssso.cli.Main 2>&1 |
    sed -n 's/^\([a-zA-Z0-9_.]*\) requires \(\(java\|jdk\)\.[a-z0-9.]*\) .*/\1 \2/p' |
    while read -r from to; do [[ "$from" == java.* || "$from" == jdk.* ]] || printf '%s\n' "$to"; done)"
used="$("$jlink_jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$feature" \
    --module-path "$out/lib" --add-modules ALL-MODULE-PATH)"
[[ "$used" == java.base* && -n "$required" ]] || die "no module list from jdeps ($used) or the module graph"
if [[ -f "$jmods/jdk.crypto.ec.jmod" ]] || "$target_jdk/bin/java" --list-modules 2>/dev/null | grep -q '^jdk.crypto.ec@'; then
    required="$required jdk.crypto.ec"
fi
modules="$(printf '%s\n' ${used//,/ } $required | sort -u | paste -sd, -)"
say "Java $feature modules: $modules"

options=(--add-modules "$modules" --strip-debug --no-man-pages --no-header-files)
((feature >= 21)) && options+=(--compress=zip-9) || options+=(--compress=2)
# Below Java 24 the JDK's own classes get the default class-data archive (the only one that does
# not depend on where the install is unpacked). From 24 on the caches made below hold them.
((feature < 24)) && options+=(--generate-cds-archive)
[[ -n "$jmods" ]] && options+=(--module-path "$jmods")
"$jlink_jdk/bin/jlink" "${options[@]}" --output "$out/runtime" >&2
# Only used with heaps over 32 GB (no compressed oops): not this tool.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"
# Symbols the dynamic linker does not need (a fifth of libjvm.so); a crash report still names the
# JVM's exported frames.
if command -v strip >/dev/null; then
    find "$out/runtime" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +
fi

stamp_times() {
    find "$out" -exec touch -h -d "@$epoch" {} +
}
stamp_times

java="$out/runtime/bin/java"
if ((feature >= 24)) && "$java" -version >/dev/null 2>&1; then
    # The same JVM options as bin/aws-sso, which uses these caches only for this runtime.
    jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    # `process` is trained on a hit: a json store with a credential that is obviously not real.
    mkdir -p "$work/home/.config/aws-sso"
    printf 'SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: https://d-0000000000.awsapps.com/start\nSecureStore: json\nLogLevel: error\n' \
        >"$work/home/.config/aws-sso/config.yaml"
    arn="arn:aws:iam::000000000000:role/Training"
    printf '{"RoleCredentials":{"%s":{"roleName":"Training","accountId":0,"accessKeyId":"ASIATRAINING","secretAccessKey":"x","sessionToken":"x","expiration":%s}}}' \
        "$arn" "$(((epoch + 100 * 365 * 86400) * 1000))" >"$work/home/.config/aws-sso/store.json"
    answer="$(cd "$work" && env -i HOME="$work/home" PATH=/usr/bin:/bin "$java" "${jvm[@]}" \
        "-XX:AOTCacheOutput=$out/lib/aws-sso-process.aot" -Xlog:aot*=warning:file="$work/process.log" \
        -cp "$out/lib/*" io.awssso.cli.command.ProcessFastPath process --arn "$arn")"
    [[ "$answer" == '{"Version":1,"AccessKeyId":"ASIATRAINING"'* ]] ||
        die "the training run of process was no cache hit: $answer"
    # Every other command: --help loads the command tree they share. On the class path, as
    # bin/aws-sso runs it with this runtime (a module path cache would not survive a move).
    (cd "$work" && env -i HOME="$work/home" PATH=/usr/bin:/bin "$java" "${jvm[@]}" \
        "-XX:AOTCacheOutput=$out/lib/aws-sso.aot" -Xlog:aot*=warning:file="$work/tool.log" \
        -cp "$out/lib/*" io.awssso.cli.Main --help >/dev/null)
    [[ -f "$out/lib/aws-sso-process.aot" && -f "$out/lib/aws-sso.aot" ]] || die "no AOT cache was written"
    chmod 644 "$out/lib/aws-sso-process.aot" "$out/lib/aws-sso.aot"
    stamp_times
    say "ahead-of-time caches: $(du -h "$out/lib/aws-sso-process.aot" "$out/lib/aws-sso.aot" | tr '\n\t' ' ')"
else
    say "Java $feature: no ahead-of-time cache (Java 24+ only; a class-data archive of the tool would fit only this path)"
fi
say "size: $(du -sh "$out" | cut -f1) ($out)"
