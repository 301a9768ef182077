package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.command.CliRun.Result;
import io.awssso.cli.completion.Shell;
import io.awssso.core.Vocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI offers exactly the names the library accepts: completion over the real command tree and
 * the help text take URL actions and {@code list} fields from {@link Vocabulary} and shells from
 * {@link Shell}, so an action, field or shell added there is offered here without another edit.
 */
class CompletionVocabularyTest {
    @TempDir
    Path home;

    private List<String> complete(String line) throws Exception {
        Result r = new CliRun(home).run("__complete", "--shell", "fish", "--line", line);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out().lines().map(l -> l.split("\t", 2)[0]).toList();
    }

    @Test
    void complete_urlAction_offersEveryActionTheLibraryAccepts() throws Exception {
        assertThat(complete("aws-sso console --url-action ")).containsExactlyElementsOf(Vocabulary.urlActions());
        assertThat(complete("aws-sso login -u ")).containsExactlyElementsOf(Vocabulary.urlActions());
        // the action the old hand-kept list missed
        assertThat(complete("aws-sso login -u ans")).containsExactly("ansi-osc52");
    }

    @Test
    void complete_listFieldsAndSort_offerEveryLibraryField() throws Exception {
        List<String> fields = List.copyOf(Vocabulary.listFields().keySet());

        assertThat(complete("aws-sso list ")).containsExactlyElementsOf(fields);
        assertThat(complete("aws-sso list --sort ")).containsExactlyElementsOf(fields);
    }

    @Test
    void complete_prefix_offersTheFieldsTheLibraryFiltersOn() throws Exception {
        assertThat(complete("aws-sso list -P "))
                .containsExactlyElementsOf(Vocabulary.listPrefixFields().stream().map(f -> f + "=").toList())
                .doesNotContain("Expires=", "ExpiresEpoch=");
    }

    @Test
    void complete_shell_offersEveryShellWithScripts() throws Exception {
        assertThat(complete("aws-sso setup completions --shell "))
                .containsExactlyElementsOf(Arrays.stream(Shell.values()).map(Shell::id).toList());
    }

    @Test
    void help_urlAction_namesEveryActionTheLibraryAccepts() throws Exception {
        for (String command : List.of("console", "login")) {
            String help = new CliRun(home).run(command, "--help").out().replaceAll("\\s+", " ");

            assertThat(help).as(command).contains(String.join(", ", Vocabulary.urlActions()));
        }
    }

    @Test
    void list_prefixOnEveryFieldTheLibraryRefuses_isAUsageError() throws Exception {
        for (String field : Vocabulary.listFields().keySet()) {
            Result r = new CliRun(home).run("list", "-P", field + "=x");
            if (Vocabulary.listPrefixFields().contains(field)) {
                assertThat(r.err()).as(field).doesNotContain("does not work with");
            } else {
                assertThat(r.exitCode()).as(field).isEqualTo(2);
                assertThat(r.err()).as(field).startsWith("error: --prefix does not work with the field '" + field + "'");
            }
        }
    }
}
