package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void lines_cellsOfDifferentWidths_arePaddedAndJoinedWithBars() {
        List<String> lines = Table.lines(List.of("AccountIdPad", "RoleName", "Expires"), List.of(
                List.of("012345678901", "AdministratorAccess", ""),
                List.of("000000000042", "ReadOnly", " 1h 5m")));

        assertThat(lines).containsExactly(
                "AccountIdPad | RoleName            | Expires",
                "============================================",
                "012345678901 | AdministratorAccess |",
                "000000000042 | ReadOnly            |  1h 5m");
    }

    @Test
    void lines_headerWiderThanCells_underlineSpansTheWidestLine() {
        List<String> lines = Table.lines(List.of("Id", "Profile"), List.of(List.of("0", "a-long-profile-name")));

        assertThat(lines.get(0)).isEqualTo("Id | Profile");
        assertThat(lines.get(1)).isEqualTo("=".repeat("0  | a-long-profile-name".length()));
        assertThat(lines.get(2)).isEqualTo("0  | a-long-profile-name");
    }

    @Test
    void lines_noRows_printsHeaderAndUnderlineOnly() {
        assertThat(Table.lines(List.of("Arn"), List.of())).containsExactly("Arn", "===");
    }

    @Test
    void lines_lastColumn_isNotPaddedSoNoLineEndsInSpaces() {
        List<String> lines = Table.lines(List.of("A", "B"), List.of(List.of("x", "long value"), List.of("y", "z")));

        assertThat(lines).noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void lines_charactersOutsideTheBmp_countAsOneColumn() {
        List<String> lines = Table.lines(List.of("Name", "X"), List.of(List.of("\uD83D\uDE80ab", "1"), List.of("abc", "2")));

        assertThat(lines.get(2)).isEqualTo("\uD83D\uDE80ab  | 1");
        assertThat(lines.get(3)).isEqualTo("abc  | 2");
    }

    @Test
    void lines_rowWithWrongNumberOfCells_isRejected() {
        assertThatThrownBy(() -> Table.lines(List.of("A", "B"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells");
    }

    @Test
    void lines_lineBreakInACell_makesNoFakeRow() {
        List<String> lines = Table.lines(List.of("AccountName", "RoleName"), List.of(
                List.of("prod\n999999999999 | evil", "Admin")));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo("prod\\n999999999999 | evil | Admin");
    }

    @Test
    void lines_terminalControlsAndBidiMarks_areEscapedAndMeasuredEscaped() {
        List<String> lines = Table.lines(List.of("Email", "X"), List.of(
                List.of("a\u001b]0;title\u0007b", "1"), List.of("\u202egnp.exe", "2")));

        assertThat(lines.get(2)).isEqualTo("a\\e]0;title\\x07b | 1");
        assertThat(lines.get(3)).isEqualTo("\\u{202E}gnp.exe  | 2");
        assertThat(String.join("", lines).codePoints()).noneMatch(Visible::needsEscape);
    }
}
