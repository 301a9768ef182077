package io.awssso.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.internal.config.GoScalar.Kind;
import io.awssso.core.internal.config.YamlNode.Position;
import io.awssso.core.internal.config.YamlNode.Scalar;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** go-yaml v3's scalar resolution and mapstructure's weak string conversion, case by case. */
class GoScalarTest {

    private static GoScalar plain(String text) {
        return GoScalar.of(new Scalar(text, true, null, Position.START));
    }

    private static GoScalar quoted(String text) {
        return GoScalar.of(new Scalar(text, false, null, Position.START));
    }

    @Test
    void of_boolsInTheThreeSpellingsGoYamlKnows_areBools() {
        assertThat(plain("true").weakString()).isEqualTo("1");
        assertThat(plain("True").weakString()).isEqualTo("1");
        assertThat(plain("FALSE").weakString()).isEqualTo("0");
        assertThat(plain("tRUE").kind()).isEqualTo(Kind.STRING);
        assertThat(plain("yes").kind()).as("YAML 1.1 only").isEqualTo(Kind.STRING);
        assertThat(plain("on").kind()).isEqualTo(Kind.STRING);
    }

    @Test
    void of_integers_followGoBasePrefixes() {
        assertThat(plain("42").integer()).isEqualTo(BigInteger.valueOf(42));
        assertThat(plain("010").integer()).as("leading zero: octal").isEqualTo(BigInteger.valueOf(8));
        assertThat(plain("0o17").integer()).isEqualTo(BigInteger.valueOf(15));
        assertThat(plain("0x1F").integer()).isEqualTo(BigInteger.valueOf(31));
        assertThat(plain("0b101").integer()).isEqualTo(BigInteger.valueOf(5));
        assertThat(plain("-12").integer()).isEqualTo(BigInteger.valueOf(-12));
        assertThat(plain("1_000").integer()).isEqualTo(BigInteger.valueOf(1000));
        assertThat(plain("18446744073709551615").kind()).as("uint64 max").isEqualTo(Kind.INT);
    }

    @Test
    void of_leadingZeroWithEightOrNine_isAFloatAsInGoYaml() {
        GoScalar v = plain("0012345678912");

        assertThat(v.kind()).isEqualTo(Kind.FLOAT);
        assertThat(v.weakString()).isEqualTo("12345678912");
    }

    @Test
    void of_floatsAndSpecialValues_areFloats() {
        assertThat(plain("0.5").weakString()).isEqualTo("0.5");
        assertThat(plain(".5").weakString()).isEqualTo("0.5");
        assertThat(plain("1e3").weakString()).isEqualTo("1000");
        assertThat(plain("1.23456789012e+11").weakString()).isEqualTo("123456789012");
        assertThat(plain(".inf").weakString()).isEqualTo("+Inf");
        assertThat(plain("-.Inf").weakString()).isEqualTo("-Inf");
        assertThat(plain(".nan").weakString()).isEqualTo("NaN");
    }

    @Test
    void of_textThatOnlyStartsLikeANumber_isAString() {
        assertThat(plain("2024-01-01").kind()).as("timestamps stay strings").isEqualTo(Kind.STRING);
        assertThat(plain("1.2.3").kind()).isEqualTo(Kind.STRING);
        assertThat(plain("0x").kind()).isEqualTo(Kind.STRING);
        assertThat(plain("12 34").kind()).isEqualTo(Kind.STRING);
        assertThat(plain("١٢٣").kind()).isEqualTo(Kind.STRING);
    }

    @Test
    void of_nullsAndQuotedText_areWhatTheyLookLike() {
        assertThat(plain("~").kind()).isEqualTo(Kind.NULL);
        assertThat(plain("null").weakString()).isNull();
        assertThat(plain("").kind()).isEqualTo(Kind.NULL);
        assertThat(quoted("true").weakString()).isEqualTo("true");
        assertThat(quoted("010").weakString()).isEqualTo("010");
        assertThat(quoted("").weakString()).isEmpty();
    }

    @Test
    void parseGoInteger_isGosParseIntWithBaseZero() {
        assertThat(GoScalar.parseGoInteger("0x10", true)).isEqualTo(BigInteger.valueOf(16));
        assertThat(GoScalar.parseGoInteger("+7", true)).isEqualTo(BigInteger.valueOf(7));
        assertThat(GoScalar.parseGoInteger("09", true)).as("9 is no octal digit").isNull();
        assertThat(GoScalar.parseGoInteger("abc", true)).isNull();
        assertThat(GoScalar.parseGoInteger("-", true)).isNull();
    }

    @Test
    void formatFloat_isGosShortestPlainForm() {
        assertThat(GoScalar.formatFloat(1.0)).isEqualTo("1");
        assertThat(GoScalar.formatFloat(1e21)).isEqualTo("1000000000000000000000");
        assertThat(GoScalar.formatFloat(0.000001)).isEqualTo("0.000001");
        assertThat(GoScalar.formatFloat(-0.0)).isEqualTo("-0");
    }
}
