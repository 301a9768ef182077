package io.awssso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
    private static final Path README = Path.of(System.getProperty("awssso.repository.root", ".."), "README.md");

    @Test
    void codes_areDistinctAndFitAProcessStatus() {
        List<Integer> codes = Arrays.stream(ExitCode.values()).map(ExitCode::code).collect(Collectors.toList());

        assertThat(codes).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code).isBetween(0, 255));
        assertThat(ExitCode.OK.code()).isZero();
    }

    @Test
    void readme_exitCodeTable_listsExactlyTheseCodes() throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("### Exit codes"));
        // Up to the next heading of any level.
        int next = section.indexOf("\n#", 1);
        section = next < 0 ? section : section.substring(0, next);
        Matcher rows = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(section);
        List<Integer> documented = rows.results().map(row -> Integer.parseInt(row.group(1))).collect(Collectors.toList());

        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(ExitCode.values()).map(ExitCode::code).collect(Collectors.toList()));
    }
}
