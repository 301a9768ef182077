package io.awssso.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryTagTest {
    @Test
    void value_andParse_roundTrip() {
        HistoryTag tag = new HistoryTag("prod:Admin", Instant.ofEpochSecond(1_700_000_000L));

        assertThat(tag.value()).isEqualTo("prod:Admin,1700000000");
        assertThat(HistoryTag.parse(tag.value())).contains(tag);
    }

    @Test
    void parse_labelWithCommas_takesTheLastOne() {
        assertThat(HistoryTag.parse("a,b:Role, 42")).contains(new HistoryTag("a,b:Role", Instant.ofEpochSecond(42)));
    }

    @Test
    void parse_malformed_isEmpty() {
        assertThat(HistoryTag.parse(null)).isEmpty();
        assertThat(HistoryTag.parse("prod:Admin")).isEmpty();
        assertThat(HistoryTag.parse("prod:Admin,")).isEmpty();
        assertThat(HistoryTag.parse("prod:Admin,-5")).isEmpty();
        assertThat(HistoryTag.parse("prod:Admin,12x")).isEmpty();
        assertThat(HistoryTag.parse("prod:Admin,99999999999999999999999")).isEmpty();
        assertThat(HistoryTag.parse("prod:Admin,9223372036854775807")).isEmpty();
    }
}
