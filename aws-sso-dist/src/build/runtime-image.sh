#!/usr/bin/env bash
# Builds the self-contained install (aws-sso-<version>-<platform>/) from the staged JDK-less one:
# the same bin/, lib/, man/ and completions/, plus runtime/ (a jlink image of exactly the JDK
# modules the tool needs) and, when that runtime is Java 21+ and runs on this machine, one
# class-data archive for it (lib/aws-sso.jsa: the JDK's and the tool's classes that `process`, a
# hit of the json and of the file store, and `--help` load), made here at build time so that the
# first run after install is already fast and nothing is recorded into the user's home.
# lib/aws-sso.classpath lists the jars in the order the archive was made for (the launcher passes
# them in that order; `lib/*` expands in directory order).
#
# Why one static archive (-Xshare:dump of a class list) and not the JDK's default archive plus
# ahead-of-time caches: Java 21+ writes a static archive deterministically (the same bytes from the
# same class list, jars and runtime; relative class path entries keep the build directory out of
# it), while the JDK 25 caches of training runs (-XX:AOTCacheOutput, with or without
# -XX:-AOTRecordTraining) and every Java 17 dump differ from one build to the next. One archive for
# both commands is also 18 MB where the default archive and the two caches were 41 MB. A Java 17-20
# runtime gets no archive at all: the archives stay byte-identical (reproducible.sh).
#
# Usage: runtime-image.sh STAGED OUT TARGET_JDK JLINK_JDK TIMESTAMP
#   STAGED      the staged JDK-less install (target/aws-sso-<version>)
#   OUT         the directory to create (target/aws-sso-<version>-<platform>)
#   TARGET_JDK  the JDK whose modules go into runtime/ (its jmods/ must be there)
#   JLINK_JDK   the JDK whose jlink and jdeps run here (same feature version as TARGET_JDK)
#   TIMESTAMP   project.build.outputTimestamp: every file's modification time (reproducible
#               archives; the class-data archive checks the jars' times, so they must match what
#               tar and dpkg restore, which is this time too)
set -euo pipefail

staged="$1" out="$2" target_jdk="$3" jlink_jdk="$4" timestamp="$5"
build="$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)" # this script's directory

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
# Not for this install: the Windows launcher.
rm -f "$out/bin/aws-sso.cmd"

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
# No --generate-cds-archive: the archive made below holds the JDK's classes the tool uses (a second,
# default archive would be 12-14 MB of waste), and a Java 17 dump is not reproducible.
[[ -n "$jmods" ]] && options+=(--module-path "$jmods")
"$jlink_jdk/bin/jlink" "${options[@]}" --output "$out/runtime" >&2
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
# The jars in a fixed order (C collation), with paths relative to the install: the archive records
# its class path, and a relative one keeps the build directory out of it (and still maps wherever
# the install is unpacked, as long as the jars keep their sizes and times).
jars=()
while IFS= read -r jar; do jars+=("$jar"); done < <(cd "$out/lib" && LC_ALL=C ls -1 -- *.jar)
classpath="$(printf 'lib/%s:' "${jars[@]}")"
classpath="${classpath%:}"
if ((feature >= 21)) && "$java" -version >/dev/null 2>&1; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    # The classes to archive: those loaded by a `process` hit of the json store and of the file
    # store (the default on Linux: its key derivation and the JDK's ciphers and security providers),
    # each with a credential that is obviously not real, and by `--help` (the command tree every
    # other command shares), each with the JVM options bin/aws-sso uses.
    jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:off)
    mkdir -p "$work/home/.config/aws-sso"
    printf 'SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: https://d-0000000000.awsapps.com/start\nSecureStore: json\nLogLevel: error\n' \
        >"$work/home/.config/aws-sso/config.yaml"
    arn="arn:aws:iam::000000000000:role/Training"
    printf '{"RoleCredentials":{"%s":{"roleName":"Training","accountId":0,"accessKeyId":"ASIATRAINING","secretAccessKey":"x","sessionToken":"x","expiration":%s}}}' \
        "$arn" "$(((epoch + 100 * 365 * 86400) * 1000))" >"$work/home/.config/aws-sso/store.json"
    answer="$(cd "$out" && env -i HOME="$work/home" PATH=/usr/bin:/bin "$java" "${jvm[@]}" \
        "-XX:DumpLoadedClassList=$work/process.classlist" -cp "$classpath" \
        io.awssso.cli.command.ProcessFastPath process --arn "$arn")"
    [[ "$answer" == '{"Version":1,"AccessKeyId":"ASIATRAINING"'* ]] ||
        die "the training run of process was no cache hit: $answer"
    # The file store, written by the real backend (a source-file program: JLINK_JDK has the compiler
    # that the linked runtime lacks), in a home of its own.
    mkdir -p "$work/file-home/.config/aws-sso"
    sed 's/^SecureStore: json$/SecureStore: file/' "$work/home/.config/aws-sso/config.yaml" \
        >"$work/file-home/.config/aws-sso/config.yaml"
    (cd "$out" && env -i HOME="$work/file-home" PATH=/usr/bin:/bin AWS_SSO_FILE_PASSWORD=training \
        "$jlink_jdk/bin/java" -cp "$classpath" "$build/TrainingFileStore.java" "$work/file-home/.config/aws-sso" \
        "$arn" "$(((epoch + 100 * 365 * 86400) * 1000))") || die "the file store of the training run could not be written"
    answer="$(cd "$out" && env -i HOME="$work/file-home" PATH=/usr/bin:/bin AWS_SSO_FILE_PASSWORD=training \
        "$java" "${jvm[@]}" "-XX:DumpLoadedClassList=$work/file.classlist" -cp "$classpath" \
        io.awssso.cli.command.ProcessFastPath process --arn "$arn")"
    [[ "$answer" == '{"Version":1,"AccessKeyId":"ASIATRAINING"'* ]] ||
        die "the training run of process with the file store was no cache hit: $answer"
    (cd "$out" && env -i HOME="$work/home" PATH=/usr/bin:/bin "$java" "${jvm[@]}" \
        "-XX:DumpLoadedClassList=$work/help.classlist" -cp "$classpath" io.awssso.cli.Main --help >/dev/null)
    # One list, sorted (the order classes were loaded in does not matter to the dump, and sorting
    # makes the list independent of it): the classes first (the ids only matter for classes of
    # custom loaders, which are not archived here), then the lambda lines. Not the `@cp` lines
    # (constant-pool entries the run happened to resolve): they change from run to run with the
    # timing, and so would the archive; without them start-up measured the same.
    {
        grep -hv '^[#@]' "$work/process.classlist" "$work/file.classlist" "$work/help.classlist" |
            sed 's/ id: [0-9]*$//' | LC_ALL=C sort -u
        grep -h '^@' "$work/process.classlist" "$work/file.classlist" "$work/help.classlist" | grep -v '^@cp ' |
            LC_ALL=C sort -u
    } >"$work/aws-sso.classlist"
    (cd "$out" && "$java" -Xshare:dump "-XX:SharedClassListFile=$work/aws-sso.classlist" \
        -XX:SharedArchiveFile=lib/aws-sso.jsa -cp "$classpath" >"$work/dump.log" 2>&1) ||
        { tail -20 "$work/dump.log" >&2; die "the class-data archive could not be made"; }
    printf '%s\n' "${jars[@]}" >"$out/lib/aws-sso.classpath"
    chmod 644 "$out/lib/aws-sso.jsa" "$out/lib/aws-sso.classpath"
    stamp_times
    say "class-data archive: $(du -h "$out/lib/aws-sso.jsa" | cut -f1) ($(grep -vc '^@' "$work/aws-sso.classlist") classes listed)"
else
    say "Java $feature: no class-data archive (Java 21+ only: an older JDK does not dump deterministically)"
fi
say "size: $(du -sh "$out" | cut -f1) ($out)"
