package io.awssso.core.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
    @TempDir
    Path dir;

    @Test
    void diff_equalTexts_isEmpty() {
        assertThat(UnifiedDiff.diff("a\nb\n", "a\nb\n", "x", "y")).isEmpty();
    }

    @Test
    void diff_oneChangedLine_isOneHunkWithThreeLinesOfContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n";

        assertThat(UnifiedDiff.diff(a, b, "old", "new")).isEqualTo(
                "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    }

    @Test
    void diff_addedToEmpty_countsFromZero() {
        assertThat(UnifiedDiff.diff("", "a\nb\n", "old", "new")).isEqualTo("--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }

    @Test
    void diff_lastLineGainsANewline_isShownWithTheNoNewlineMarker() {
        assertThat(UnifiedDiff.diff("a\nb", "a\nb\nc\n", "old", "new")).isEqualTo(
                "--- old\n+++ new\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n");
    }

    /** GNU patch, given the old file and our diff, makes exactly the new file. */
    @Test
    void diff_appliedByPatch_givesTheNewText() throws Exception {
        StringBuilder a = new StringBuilder("; head\n[default]\nregion = x\n");
        StringBuilder b = new StringBuilder("; head\n[default]\nregion = x\n");
        for (int i = 0; i < 60; i++) {
            a.append("[profile p").append(i).append("]\nregion = r").append(i).append('\n');
            b.append("[profile p").append(i).append("]\nregion = r").append(i % 7 == 0 ? "changed" : i).append('\n');
            if (i % 11 == 0) {
                b.append("extra = ").append(i).append('\n');
            }
        }
        a.append("; tail without newline");
        b.append("; tail without newline");
        Path file = dir.resolve("config");
        Files.writeString(file, a);
        Path patchFile = dir.resolve("d.patch");
        Files.writeString(patchFile, UnifiedDiff.diff(a.toString(), b.toString(), "config", "config"));

        Process p = new ProcessBuilder("patch", "-s", file.toString(), patchFile.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Files.readString(file)).isEqualTo(b.toString());
    }
}
