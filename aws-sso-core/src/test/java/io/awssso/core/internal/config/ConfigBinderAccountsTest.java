package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.FILE;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.load;
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
                + "      1234567890123: {}\n"           // 7
                + "      -1: {}\n"                      // 8
                + "      1.5e+0: {}\n"                  // 9
                + "      1e+12: {}\n"                   // 10
                + "      0x1F: {}\n";                   // 11

        assertThat(ConfigTesting.problemList(yaml)).extracting(p -> p.line())
                .containsExactly(6, 7, 8, 9, 10, 11);
        assertThat(problems(yaml).get(0)).isEqualTo(FILE + ":6:7: SSOConfig.Default.Accounts.abc:"
                + " 'abc' is not an account id; expected up to 12 decimal digits,"
                + " e.g. \"012345678901\"");
    }

    @Test
    void accountKey_sameIdWrittenTwoWays_isADuplicate() {
        assertThat(problems(MINIMAL + "    Accounts:\n      12345678901: {}\n"
                + "      \"012345678901\": {}\n")).containsExactly(FILE + ":7:7:"
                        + " SSOConfig.Default.Accounts.012345678901: account 012345678901 appears"
                        + " twice (also on line 6)");
    }

    @Test
    void accountIdKey_parsesOnlyDecimalForms() {
        assertThat(ConfigBinder.accountIdKey("0")).contains(new AccountId("000000000000"));
        assertThat(ConfigBinder.accountIdKey(" 42 ")).contains(new AccountId("000000000042"));
        assertThat(ConfigBinder.accountIdKey("1.2e+1")).contains(new AccountId("000000000012"));
        assertThat(ConfigBinder.accountIdKey("1e999")).isEmpty();
        assertThat(ConfigBinder.accountIdKey("1.25e+1")).isEmpty();
        assertThat(ConfigBinder.accountIdKey("١٢٣")).isEmpty();
        assertThat(ConfigBinder.accountIdKey("")).isEmpty();
    }
}
