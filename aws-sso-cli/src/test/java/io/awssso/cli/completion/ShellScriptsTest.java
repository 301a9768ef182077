package io.awssso.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellScriptsTest {
    private static final String BLOCK = "# BEGIN_AWS_SSO_CLI\nnew\n# END_AWS_SSO_CLI\n";

    @Test
    void withBlock_lastLineWithoutNewline_getsOneBeforeTheBlock() {
        assertThat(ShellScripts.withBlock("a=1", BLOCK)).isEqualTo("a=1\n" + BLOCK);
    }

    @Test
    void withBlock_existingBlockWithoutTrailingNewline_isReplaced() {
        assertThat(ShellScripts.withBlock("a\n# BEGIN_AWS_SSO_CLI\nold\n# END_AWS_SSO_CLI", BLOCK))
                .isEqualTo("a\n" + BLOCK);
    }

    @Test
    void withBlock_markerInsideALine_isNotTakenForTheBlock() {
        String content = "echo '# BEGIN_AWS_SSO_CLI'\n";
        assertThat(ShellScripts.withBlock(content, "")).isEqualTo(content);
    }

    @Test
    void withBlock_emptyBlock_removesTheBlockAndKeepsTheRest() {
        assertThat(ShellScripts.withBlock("a\n" + BLOCK + "b\n", "")).isEqualTo("a\nb\n");
    }

    @Test
    void files_quoteTheExecutableForEachShell() {
        assertThat(ShellScripts.files(Shell.BASH, "/x/it's/aws-sso").get("aws-sso.bash"))
                .contains("__aws_sso_exe='/x/it'\\''s/aws-sso'");
        assertThat(ShellScripts.files(Shell.FISH, "/x/it's/aws-sso").get("completions/aws-sso.fish"))
                .contains("'/x/it\\'s/aws-sso' __complete");
    }
}
