package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void lines_plainCells_areCommaJoinedWithoutHeaderOrQuotes() {
        List<String> lines = Csv.lines(List.of(List.of("012345678901", "prod:Admin", ""),
                List.of("000000000042", "with space", "Expired")));

        assertThat(lines).containsExactly("012345678901,prod:Admin,", "000000000042,with space,Expired");
    }

    @Test
    void lines_commaOrQuoteInACell_isQuotedAsRfc4180Says() {
        List<String> lines = Csv.lines(List.of(List.of("000000000042", "has \"quotes\" and, comma", "x")));

        assertThat(lines).containsExactly("000000000042,\"has \"\"quotes\"\" and, comma\",x");
    }

    @Test
    void lines_lineBreakInAnAccountName_staysOneRowWithTheBreakShownEscaped() {
        // the attack: an account named "prod\n999999999999,evil:Admin" printed a fake row
        List<String> lines = Csv.lines(List.of(List.of("012345678901", "prod\r\n999999999999,evil:Admin")));

        assertThat(lines).containsExactly("012345678901,\"prod\\r\\n999999999999,evil:Admin\"");
        assertThat(String.join("\n", lines)).doesNotContain("\r").hasLineCount(1);
    }

    @Test
    void lines_terminalEscapes_areShownNotSent() {
        List<String> lines = Csv.lines(List.of(List.of("\u001b]0;owned\u0007", "\u009b31m")));

        assertThat(lines).containsExactly("\\e]0;owned\\x07,\\u{009B}31m");
    }

    @Test
    void lines_noRows_printsNothing() {
        assertThat(Csv.lines(List.of())).isEmpty();
    }
}
