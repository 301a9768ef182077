package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void lines_rows_areCommaJoinedWithoutHeaderOrQuoting() {
        List<String> lines = Csv.lines(List.of(List.of("012345678901", "prod:Admin", ""),
                List.of("000000000042", "has \"quotes\" and, comma", "Expired")));

        assertThat(lines).containsExactly("012345678901,prod:Admin,",
                "000000000042,has \"quotes\" and, comma,Expired");
    }

    @Test
    void lines_noRows_printsNothing() {
        assertThat(Csv.lines(List.of())).isEmpty();
    }
}
