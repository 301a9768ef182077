package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.FILE;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.load;
import static io.awssso.core.internal.config.ConfigTesting.loaded;
import static io.awssso.core.internal.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.AccountId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Account id keys: always base 10, padded to twelve digits, whatever YAML makes of them. */
class ConfigBinderAccountsTest {

    private static Map<AccountId, AccountConfig> accounts(String keys) {
        return load(MINIMAL + "    Accounts:\n" + keys).ssoConfig().get("Default").accounts();
    }

    @Test
    void accountKey_quotedWithLeadingZero_keepsTheZero() {
        assertThat(accounts("      \"012345678901\": {Name: a}\n"))
                .containsOnlyKeys(new AccountId("012345678901"));
    }

    @Test
    void accountKey_unquotedWithLeadingZero_isNotReadAsOctal() {
        assertThat(accounts("      012345678901: {Name: a}\n      0777: {Name: b}\n"))
                .containsOnlyKeys(new AccountId("012345678901"), new AccountId("000000000777"));
    }

    @Test
    void accountKey_elevenDigits_isPadded() {
        assertThat(accounts("      12345678901: {Name: a}\n"))
                .containsOnlyKeys(new AccountId("012345678901"));
    }

    @Test
    void accountKey_scientificNotation_isTheNumber() {
        assertThat(accounts("      1.23456789012e+11: {Name: a}\n      2.1e+11: {Name: b}\n"
                + "      9.99999999999E11: {Name: c}\n"))
                .containsOnlyKeys(new AccountId("123456789012"), new AccountId("210000000000"),
                        new AccountId("999999999999"));
    }

    @Test
    void accountKey_accountNameIsKeptWithTheNormalisedId() {
        assertThat(accounts("      12345678901: {Name: Prod}\n")
                .get(new AccountId("012345678901")).name()).contains("Prod");
    }

    @Test
    void accountKey_invalidForms_areEachReported() {
        String yaml = MINIMAL + "    Accounts:\n"
                + "      abc: {}\n"                     // 6
                + "      1234567890123: {}\n"           // 7: thirteen significant digits
                + "      -1: {}\n"                      // 8
                + "      1.5: {}\n"                     // 9: Go's %v gives 1.5, no integer
                + "      1e+12: {}\n"                   // 10
                + "      \"12 34\": {}\n";             // 11

        assertThat(ConfigTesting.problemList(yaml)).extracting(p -> p.line())
                .containsExactly(6, 7, 8, 9, 10, 11);
        assertThat(problems(yaml).get(0)).isEqualTo(FILE + ":6:7: SSOConfig.Default.Accounts.abc:"
                + " 'abc' is not an account id; expected up to 12 decimal digits (leading zeros"
                + " allowed), e.g. \"012345678901\"");
    }

    @Test
    void accountKey_thirteenDigitsWithLeadingZeros_isTheTwelveDigitAccount() {
        assertThat(accounts("      0012345678912: {Name: a}\n      \"0012345678912\": {Name: b}\n"
                .replace("\"0012345678912\"", "\"00000012345\"")))
                .containsOnlyKeys(new AccountId("012345678912"), new AccountId("000000012345"));
        assertThat(loaded(MINIMAL + "    Accounts:\n      0012345678912: {}\n").warnings())
                .isEmpty();
    }

    @Test
    void accountKey_fiveDigits_isPaddedToTwelve() {
        assertThat(accounts("      12345: {}\n")).containsOnlyKeys(new AccountId("000000012345"));
    }

    @Test
    void accountKey_octalLooking_isReadBase10WithAWarningAboutAwsSsoCli() {
        String yaml = MINIMAL + "    Accounts:\n      012345670123: {}\n";

        assertThat(load(yaml).ssoConfig().get("Default").accounts())
                .containsOnlyKeys(new AccountId("012345670123"));
        assertThat(loaded(yaml).warnings()).singleElement().asString()
                .contains("aws-sso-cli reads an unquoted number with a leading zero and only the"
                        + " digits 0-7 as octal").contains("quote it, \"012345670123\"");
    }

    @Test
    void accountKey_formsGoAlsoAccepts_loadWithAWarning() {
        assertThat(accounts("      0x1F: {}\n      \"1.5e+0\": {}\n      +42: {}\n"))
                .containsOnlyKeys(new AccountId("000000000031"), new AccountId("000000000001"),
                        new AccountId("000000000042"));
        assertThat(loaded(MINIMAL + "    Accounts:\n      0x1F: {}\n").warnings())
                .singleElement().asString().contains("'0x1F' is read as account 000000000031");
    }

    @Test
    void accountKey_sameIdWrittenTwoWays_isAWarningAndTheFirstWins() {
        String yaml = MINIMAL + "    Accounts:\n      12345678901: {Name: first}\n"
                + "      \"012345678901\": {Name: second}\n";

        assertThat(loaded(yaml).warnings()).extracting(Object::toString).containsExactly(FILE
                + ":7:7: SSOConfig.Default.Accounts.012345678901: account 012345678901 appears"
                + " twice (also on line 6); this one is ignored");
        assertThat(load(yaml).ssoConfig().get("Default").accounts().values())
                .singleElement().satisfies(a -> assertThat(a.name()).contains("first"));
    }

    @Test
    void accountIdKey_parsesAsAwsSsoCliDoes() {
        assertThat(InstanceBinder.accountIdKey("0")).contains(new AccountId("000000000000"));
        assertThat(InstanceBinder.accountIdKey(" 42 ")).contains(new AccountId("000000000042"));
        assertThat(InstanceBinder.accountIdKey("1.2e+1")).contains(new AccountId("000000000012"));
        assertThat(InstanceBinder.accountIdKey("1.25e+1")).as("truncated, as Go's int64(f)")
                .contains(new AccountId("000000000012"));
        assertThat(InstanceBinder.accountIdKey("0000000000000000000123"))
                .contains(new AccountId("000000000123"));
        assertThat(InstanceBinder.accountIdKey("1e999")).isEmpty();
        assertThat(InstanceBinder.accountIdKey("1e12")).as("no e+: an integer parse").isEmpty();
        assertThat(InstanceBinder.accountIdKey("-5")).isEmpty();
        assertThat(InstanceBinder.accountIdKey("1000000000000")).isEmpty();
        assertThat(InstanceBinder.accountIdKey("١٢٣")).isEmpty();
        assertThat(InstanceBinder.accountIdKey("")).isEmpty();
    }
}
