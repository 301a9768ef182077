package io.awssso.core.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsConfigMergeTest {
    private static final List<String> BLOCK = List.of("# BEGIN_AWS_SSO_CLI", "", "[profile a]",
            "credential_process = aws-sso -S \"Default\" process --arn arn:aws:iam::000000000001:role/A", "",
            "# END_AWS_SSO_CLI");
    private static final List<String> OTHER = List.of("# BEGIN_AWS_SSO_CLI", "", "[profile b]",
            "credential_process = x", "", "# END_AWS_SSO_CLI");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void merge_emptyFile_isTheBlockAlone() {
        assertThat(text(AwsConfigMerge.merge(new byte[0], "Default", BLOCK)))
                .isEqualTo(String.join("\n", BLOCK) + "\n");
    }

    @Test
    void merge_fileWithoutBlock_appendsAfterABlankLineAndKeepsEveryByte() {
        String user = "# my settings\n[default]\nregion = eu-west-1\n\n[profile mine]  ; comment\nregion=x\n";

        String merged = text(AwsConfigMerge.merge(bytes(user), "Default", BLOCK));

        assertThat(merged).startsWith(user + "\n# BEGIN_AWS_SSO_CLI\n").endsWith("# END_AWS_SSO_CLI\n");
    }

    @Test
    void merge_lastLineWithoutNewline_isKeptAndTheBlockStartsOnItsOwnLine() {
        String user = "[default]\nregion = eu-west-1";

        String merged = text(AwsConfigMerge.merge(bytes(user), "Default", BLOCK));

        assertThat(merged).startsWith("[default]\nregion = eu-west-1\n\n# BEGIN_AWS_SSO_CLI\n");
    }

    @Test
    void merge_existingBlock_replacesOnlyTheLinesBetweenTheMarkers() {
        String before = "; top\r\n[default]\nregion = us-west-2\n";
        String after = "\n[profile after]\n# trailing comment without newline";
        String user = before + String.join("\n", OTHER) + "\n" + after;

        String merged = text(AwsConfigMerge.merge(bytes(user), "Default", BLOCK));

        assertThat(merged).isEqualTo(before + String.join("\n", BLOCK) + "\n" + after);
    }

    @Test
    void merge_again_changesNothing() {
        byte[] once = AwsConfigMerge.merge(bytes("[default]\nregion = x\n"), "Default", BLOCK);

        assertThat(AwsConfigMerge.merge(once, "Default", BLOCK)).isEqualTo(once);
    }

    @Test
    void merge_crlfFile_writesTheBlockWithCrlfAndKeepsTheRest() {
        String user = "[default]\r\nregion = x\r\n";

        String merged = text(AwsConfigMerge.merge(bytes(user), "Default", BLOCK));

        assertThat(merged).isEqualTo(user + "\r\n" + String.join("\r\n", BLOCK) + "\r\n");
    }

    @Test
    void merge_bytesThatAreNotUtf8_surviveUnchanged() {
        byte[] latin1 = "; caf\u00e9\n[default]\n".getBytes(StandardCharsets.ISO_8859_1);

        byte[] merged = AwsConfigMerge.merge(latin1, "Default", BLOCK);

        byte[] head = java.util.Arrays.copyOf(merged, latin1.length);
        assertThat(head).isEqualTo(latin1);
    }

    @Test
    void merge_otherInstance_leavesTheDefaultBlockAloneAndUsesSuffixedMarkers() {
        String user = String.join("\n", BLOCK) + "\n";
        List<String> sandbox = List.of(ProfileBlock.beginMarker("Sandbox"), "[profile s]", ProfileBlock.endMarker("Sandbox"));

        String merged = text(AwsConfigMerge.merge(bytes(user), "Sandbox", sandbox));

        assertThat(merged).isEqualTo(user + "\n# BEGIN_AWS_SSO_CLI_Sandbox\n[profile s]\n# END_AWS_SSO_CLI_Sandbox\n");
        assertThat(AwsConfigMerge.currentBlock(bytes(merged), "Default")).isEqualTo(BLOCK);
    }

    @Test
    void merge_beginWithoutEnd_isAnErrorNamingTheLine() {
        String user = "[default]\n# BEGIN_AWS_SSO_CLI\n[profile a]\n";

        assertThatThrownBy(() -> AwsConfigMerge.merge(bytes(user), "Default", BLOCK))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("line 2")
                .hasMessageContaining("# END_AWS_SSO_CLI");
    }

    @Test
    void merge_doubledBegin_isAnError() {
        String user = "# BEGIN_AWS_SSO_CLI\n# BEGIN_AWS_SSO_CLI\n# END_AWS_SSO_CLI\n";

        assertThatThrownBy(() -> AwsConfigMerge.merge(bytes(user), "Default", BLOCK))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("appears twice");
    }

    @Test
    void merge_endBeforeBegin_isAnError() {
        String user = "# END_AWS_SSO_CLI\n# BEGIN_AWS_SSO_CLI\n";

        assertThatThrownBy(() -> AwsConfigMerge.merge(bytes(user), "Default", BLOCK))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("comes before");
    }
}
