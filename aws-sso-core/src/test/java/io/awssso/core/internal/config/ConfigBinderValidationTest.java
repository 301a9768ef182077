package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.FILE;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.load;
import static io.awssso.core.internal.config.ConfigTesting.loadWith;
import static io.awssso.core.internal.config.ConfigTesting.loaded;
import static io.awssso.core.internal.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each validation rule, with the exact location the user is sent to. {@link ConfigTesting#MINIMAL}
 * is four lines, so added top-level keys start on line 5.
 */
class ConfigBinderValidationTest {

    /** Asserts exactly one problem, printed as {@code file:line:column: key: ...message...}. */
    private static void assertOnlyProblem(String yaml, int line, int column, String key,
            String messagePart) {
        assertThat(problems(yaml)).singleElement().asString()
                .startsWith(FILE + ":" + line + ":" + column + ": " + key + ": ")
                .contains(messagePart);
    }

    private static List<String> warnings(String yaml) {
        return loaded(yaml).warnings().stream().map(ConfigProblem::toString).toList();
    }

    /**
     * Asserts that the config loads (aws-sso-cli accepts it) with exactly one warning, printed as
     * {@code file:line:column: key: ...message...}.
     */
    private static void assertOnlyWarning(String yaml, int line, int column, String key,
            String messagePart) {
        assertThat(warnings(yaml)).singleElement().asString()
                .startsWith(FILE + ":" + line + ":" + column + ": " + key + ": ")
                .contains(messagePart);
    }

    // ---- numbers and booleans -----------------------------------------------------------------

    @Test
    void threads_notANumber_isReportedAtTheValue() {
        assertOnlyProblem(MINIMAL + "Threads: abc\n", 5, 10, "Threads",
                "expected a whole number, found 'abc'");
    }

    @Test
    void threads_zero_isAWarningAndTheMinimumIsUsed() {
        assertOnlyWarning(MINIMAL + "Threads: 0\n", 5, 10, "Threads",
                "must be between 1 and 1024, found 0; read as 1");
        assertThat(loadWith("Threads: 0\n").threads()).isEqualTo(1);
    }

    @Test
    void threads_beyondInt64_isAnErrorAsInAwsSsoCli() {
        assertOnlyProblem(MINIMAL + "Threads: 99999999999999999999999\n", 5, 10, "Threads",
                "expected a whole number");
    }

    @Test
    void threads_weaklyTyped_readsAsGoDoes() {
        assertThat(loadWith("Threads: \"8\"\n").threads()).isEqualTo(8);
        assertThat(loadWith("Threads: 010\n").threads()).as("octal, as go-yaml reads it").isEqualTo(8);
        assertThat(loadWith("Threads: \"0x10\"\n").threads()).isEqualTo(16);
        assertThat(loadWith("Threads: 7.9\n").threads()).as("truncated").isEqualTo(7);
        assertThat(loadWith("Threads: true\n").threads()).isEqualTo(1);
        assertThat(loadWith("Threads: 1_000\n").threads()).as("clamped").isEqualTo(1000);
    }

    @Test
    void threads_list_isTheWrongType() {
        assertOnlyProblem(MINIMAL + "Threads: [1]\n", 5, 10, "Threads",
                "expected a single value, found a list");
    }

    @Test
    void maxRetryAndMaxBackoff_notPositive_areBothWarnings() {
        assertThat(warnings(MINIMAL + "MaxRetry: 0\nMaxBackoff: -1\n")).satisfiesExactly(
                p -> assertThat(p).startsWith(FILE + ":5:11: MaxRetry: must be between 1"),
                p -> assertThat(p).startsWith(FILE + ":6:13: MaxBackoff: must be between 1"));
    }

    @Test
    void consoleDuration_outside15To720_isAWarningAndClamped() {
        assertOnlyWarning(MINIMAL + "ConsoleDuration: 14\n", 5, 18, "ConsoleDuration",
                "must be between 15 and 720, found 14; read as 15");
        assertOnlyWarning(MINIMAL + "ConsoleDuration: 721\n", 5, 18, "ConsoleDuration",
                "must be between 15 and 720, found 721; read as 720");
        assertThat(loadWith("ConsoleDuration: 721\n").consoleDurationMinutes()).isEqualTo(720);
    }

    @Test
    void cacheRefresh_fraction_isTruncatedAsGoDoes() {
        assertThat(loadWith("CacheRefresh: 1.5\n").cacheRefreshHours()).isEqualTo(1);
        assertThat(warnings(MINIMAL + "CacheRefresh: 1.5\n")).isEmpty();
    }

    @Test
    void historyLimit_negative_isAWarning() {
        assertOnlyWarning(MINIMAL + "HistoryLimit: -1\n", 5, 15, "HistoryLimit",
                "must be at least 0");
    }

    @Test
    void autoLogin_yes_isNotABoolean() {
        assertOnlyProblem(MINIMAL + "AutoLogin: yes\n", 5, 12, "AutoLogin",
                "expected true or false, found 'yes'");
    }

    @Test
    void autoLogin_formsGoParseBoolKnows_areBooleans() {
        assertThat(loadWith("AutoLogin: \"t\"\n").autoLogin()).isTrue();
        assertThat(loadWith("AutoLogin: 1\n").autoLogin()).isTrue();
        assertThat(loadWith("AutoLogin: \"TRUE\"\n").autoLogin()).isTrue();
        assertThat(loadWith("AutoLogin: 0\n").autoLogin()).isFalse();
        assertThat(loadWith("AutoLogin: \"\"\n").autoLogin()).isFalse();
        assertThat(loadWith("FullTextSearch: F\n").fullTextSearch()).isFalse();
    }

    // ---- names from closed lists --------------------------------------------------------------

    @Test
    void authWorkflow_unknown_listsTheValidValues() {
        assertOnlyProblem(MINIMAL + "AuthWorkflow: browser\n", 5, 15, "AuthWorkflow",
                "unknown value 'browser'; valid values: pkce, device_code");
    }

    @Test
    void urlAction_unknown_isAWarningListingTheValidValues() {
        assertOnlyWarning(MINIMAL + "UrlAction: firefox\n", 5, 12, "UrlAction",
                "valid values: open, print, printurl, clip, ansi-osc52, exec,"
                        + " open-url-in-container, granted-containers");
        assertThat(loadWith("UrlAction: firefox\n").urlAction()).isEqualTo(UrlAction.OPEN);
    }

    @Test
    void authUrlAction_unknown_isAWarningUnderTheInstance() {
        assertOnlyWarning(MINIMAL + "    AuthUrlAction: browse\n", 5, 20,
                "SSOConfig.Default.AuthUrlAction", "unknown value 'browse'");
    }

    @Test
    void configProfilesUrlAction_print_isAWarning() {
        assertOnlyWarning(MINIMAL + "ConfigProfilesUrlAction: print\n", 5, 26,
                "ConfigProfilesUrlAction", "valid values: clip, exec, open, granted-containers,"
                        + " open-url-in-container, ansi-osc52");
    }

    @Test
    void logLevel_unknown_isReported() {
        assertOnlyProblem(MINIMAL + "LogLevel: loud\n", 5, 11, "LogLevel",
                "valid values: error, warn, info, debug, trace");
    }

    @Test
    void secureStore_unknown_listsEveryBackend() {
        assertOnlyProblem(MINIMAL + "SecureStore: keyring\n", 5, 14, "SecureStore",
                "unknown secret store 'keyring'; valid names: 1password, file, json, keychain,"
                        + " kwallet, pass, secret-service, wincred");
    }

    @Test
    void secureStore_everyDocumentedName_isAccepted() {
        for (String name : KnownNames.SECURE_STORES) {
            String extra = name.equals("1password")
                    ? "OnePassword: {Vault: v, Account: a@example.com}\n" : "";
            assertThat(loadWith("SecureStore: " + name + "\n" + extra).secureStore())
                    .contains(name);
        }
    }

    @Test
    void onePassword_withoutVaultOrAccount_reportsBoth() {
        assertThat(problems(MINIMAL + "SecureStore: 1password\nOnePassword: {AuthType: desktop}\n"))
                .satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).startsWith(FILE + ":6:1: OnePassword.Vault: ")
                                .contains("needs the vault name"),
                        p -> assertThat(p).startsWith(FILE + ":6:1: OnePassword.Account: "));
    }

    @Test
    void onePassword_unknownAuthType_isReported() {
        assertOnlyProblem(MINIMAL + "OnePassword:\n  AuthType: sso\n", 6, 13,
                "OnePassword.AuthType", "must be desktop or service-account");
    }

    @Test
    void promptColors_unknownKeyAndColour_areBothWarnings() {
        assertThat(loadWith("PromptColors:\n  InputTextColor: Pink\n").promptColors())
                .containsEntry("InputTextColor", "DefaultColor");
        assertThat(warnings(MINIMAL + "PromptColors:\n  SugestionBGColor: Red\n"
                + "  InputTextColor: Pink\n")).satisfiesExactly(
                        p -> assertThat(p).startsWith(FILE + ":6:3: PromptColors.SugestionBGColor: ")
                                .contains("did you mean 'SuggestionBGColor'?"),
                        p -> assertThat(p).startsWith(FILE + ":7:19: PromptColors.InputTextColor: ")
                                .contains("unknown colour 'Pink'"));
    }

    @Test
    void listFields_unknownName_isAWarningWithItsIndexAndIsKeptForListToRefuse() {
        assertOnlyWarning(MINIMAL + "ListFields:\n  - RoleName\n  - Rolename2\n", 7, 5,
                "ListFields[1]", "unknown list field 'Rolename2'; 'list' without fields will"
                        + " fail; did you mean 'RoleName'?");
        assertThat(loadWith("ListFields:\n  - RoleName\n  - Rolename2\n").listFields())
                .containsExactly("RoleName", "Rolename2");
    }

    @Test
    void listFields_empty_isAWarningAndTheDefaultsApply() {
        assertOnlyWarning(MINIMAL + "ListFields: []\n", 5, 13, "ListFields",
                "empty; the default columns are used");
        assertThat(loadWith("ListFields: []\n").listFields()).contains("RoleName");
    }

    @Test
    void listFields_singleValueOrCommaList_isAList() {
        assertThat(loadWith("ListFields: AccountId\n").listFields()).containsExactly("AccountId");
        assertThat(loadWith("ListFields: AccountId, RoleName\n").listFields())
                .containsExactly("AccountId", "RoleName");
        assertThat(loadWith("ListFields: {}\n").listFields()).as("an empty map is an empty list")
                .contains("RoleName");
    }

    // ---- SSOConfig and its instances ----------------------------------------------------------

    @Test
    void ssoConfig_missing_isReported() {
        assertOnlyProblem("LogLevel: info\n", 1, 1, "SSOConfig", "missing");
    }

    @Test
    void ssoConfig_emptyMapping_isReported() {
        assertOnlyProblem("SSOConfig: {}\n", 1, 12, "SSOConfig", "names no SSO instance");
    }

    @Test
    void ssoConfig_listOfNames_isTheWrongType() {
        assertOnlyProblem("SSOConfig:\n  - Default\n", 2, 5, "SSOConfig[0]",
                "expected a mapping (key: value) in this list, found the value 'Default'");
    }

    @Test
    void ssoConfig_listOfMappings_isMergedAsAwsSsoCliDoes() {
        AwsSsoConfig c = load("SSOConfig:\n  - Default:\n      SSORegion: us-east-1\n"
                + "      StartUrl: https://a.awsapps.com/start\n"
                + "  - Other: {SSORegion: eu-west-1, StartUrl: https://b.awsapps.com/start}\n");
        assertThat(c.ssoConfig()).containsOnlyKeys("Default", "Other");
    }

    @Test
    void instance_missingRegionAndStartUrl_reportsBothAtTheInstance() {
        assertThat(problems("SSOConfig:\n  Default:\n    DefaultRegion: us-east-1\n"))
                .containsExactly(
                        FILE + ":2:3: SSOConfig.Default.SSORegion: missing; every SSO instance"
                                + " needs SSORegion and StartUrl",
                        FILE + ":2:3: SSOConfig.Default.StartUrl: missing; every SSO instance"
                                + " needs SSORegion and StartUrl");
    }

    @Test
    void instance_empty_isReported() {
        assertOnlyProblem("SSOConfig:\n  Default:\n", 2, 3, "SSOConfig.Default",
                "is empty; it needs SSORegion and StartUrl");
    }

    @Test
    void ssoRegion_notARegion_isAWarning() {
        assertOnlyWarning("SSOConfig:\n  Default:\n    SSORegion: US East\n"
                + "    StartUrl: https://x.awsapps.com/start\n", 3, 16,
                "SSOConfig.Default.SSORegion", "'US East' is not an AWS region name");
    }

    @Test
    void startUrl_plainHttpToTheInternet_isAWarning() {
        assertOnlyWarning("SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: http://d-1.awsapps.com/start\n", 4, 15,
                "SSOConfig.Default.StartUrl", "must use https");
    }

    @Test
    void startUrl_notAUrl_isReported() {
        assertOnlyProblem("SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: d-1234567890.awsapps.com/start\n", 4, 15,
                "SSOConfig.Default.StartUrl", "must be an https URL like");
    }

    @Test
    void startUrl_unusualPath_isAcceptedSilently_asAwsSsoCliDoes() {
        String yaml = "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://start.us-gov-home.awsapps.com/directory/x\n";

        assertThat(warnings(yaml)).isEmpty();
        assertThat(ConfigTesting.load(yaml).ssoConfig().get("Default").startUrl())
                .isEqualTo("https://start.us-gov-home.awsapps.com/directory/x");
    }

    @Test
    void defaultRegion_invalidOnAnAccount_isAWarningWithTheFullPath() {
        assertOnlyWarning(MINIMAL + "    Accounts:\n      \"012345678901\":\n"
                + "        DefaultRegion: moon-1\n", 7, 24,
                "SSOConfig.Default.Accounts.012345678901.DefaultRegion", "'moon-1' is not an AWS");
    }

    @Test
    void awsCliSsoSession_withSpaceOrBracket_isNotASessionName() {
        assertOnlyProblem(MINIMAL + "    AwsCliSsoSession: my session\n", 5, 23,
                "SSOConfig.Default.AwsCliSsoSession", "must be an AWS CLI sso-session name");
        assertOnlyProblem(MINIMAL + "    AwsCliSsoSession: \"a]b\"\n", 5, 23,
                "SSOConfig.Default.AwsCliSsoSession", "must be an AWS CLI sso-session name");
    }

    // ---- roles --------------------------------------------------------------------------------

    private static String role(String settings) {
        return MINIMAL + "    Accounts:\n      \"012345678901\":\n        Roles:\n          Admin:\n"
                + "            " + settings + "\n";
    }

    private static final String ROLE_PATH = "SSOConfig.Default.Accounts.012345678901.Roles.Admin.";

    @Test
    void via_userArn_isNotARoleArn() {
        assertOnlyProblem(role("Via: arn:aws:iam::012345678901:user/bob"), 9, 18,
                ROLE_PATH + "Via", "is not a role ARN");
    }

    @Test
    void via_shortForm_isTheRoleAsInAwsSsoCli() {
        assertThat(load(role("Via: 012345678901:Admin")).ssoConfig().get("Default").accounts()
                .values().iterator().next().roles().get("Admin").via())
                .contains(io.awssso.api.RoleArn.parse("arn:aws:iam::012345678901:role/Admin"));
    }

    @Test
    void sourceIdentity_awsPrefix_isAWarning() {
        assertOnlyWarning(role("SourceIdentity: aws:me"), 9, 29, ROLE_PATH + "SourceIdentity",
                "must not start with 'aws:'");
    }

    @Test
    void externalId_tooShort_isAWarning() {
        assertOnlyWarning(role("ExternalId: x"), 9, 25, ROLE_PATH + "ExternalId",
                "must be 2 to 1224");
    }

    @Test
    void roleName_withSpace_isAWarning() {
        assertOnlyWarning(MINIMAL + "    Accounts:\n      \"012345678901\":\n        Roles:\n"
                + "          Bad Role: {}\n", 8, 11,
                "SSOConfig.Default.Accounts.012345678901.Roles.Bad Role", "is not an IAM role name");
    }

    @Test
    void tags_nestedMapping_isTheWrongType() {
        assertOnlyProblem(role("Tags: {Env: {a: b}}"), 9, 25, ROLE_PATH + "Tags.Env",
                "expected a single value, found a mapping");
    }

    // ---- URL actions and UrlExecCommand -------------------------------------------------------

    @Test
    void urlExecCommand_missingForExecOrAContainerAction_loadsWithoutAWord() {
        assertThat(warnings(MINIMAL + "UrlAction: exec\n")).isEmpty();
        assertThat(warnings(MINIMAL + "    AuthUrlAction: granted-containers\n")).isEmpty();
    }

    @Test
    void urlExecCommand_oneElementOrTwoPlaceholders_isAWarningAtTheList() {
        assertOnlyWarning(MINIMAL + "UrlAction: exec\nUrlExecCommand: [\"%s\"]\n", 6, 17,
                "UrlExecCommand", "at least 2 elements");
        assertOnlyWarning(MINIMAL + "UrlExecCommand: [open, \"%s\", \"%s\"]\n", 5, 17,
                "UrlExecCommand", "exactly one containing %s");
    }

    @Test
    void urlExecCommand_singleString_isAOneElementList() {
        assertThat(loadWith("UrlExecCommand: firefox\n").urlExecCommand()).containsExactly("firefox");
    }

    @Test
    void containerWithExec_whenOnlyOneIsAContainer_isReported() {
        assertOnlyProblem(MINIMAL + "UrlAction: open-url-in-container\n"
                + "ConfigProfilesUrlAction: exec\nUrlExecCommand: [firefox, \"%s\"]\n", 6, 26,
                "ConfigProfilesUrlAction", "cannot be 'exec' when only one of UrlAction and"
                        + " ConfigProfilesUrlAction is a container action");
        assertOnlyProblem(MINIMAL + "UrlAction: exec\n"
                + "ConfigProfilesUrlAction: granted-containers\nUrlExecCommand: [ff, \"%s\"]\n",
                5, 12, "UrlAction", "cannot be 'exec'");
    }

    @Test
    void execWithNonContainerProfilesAction_isAllowed() {
        assertThat(loadWith("UrlAction: exec\nConfigProfilesUrlAction: clip\n"
                + "UrlExecCommand: [xdg-open, \"%s\"]\n").urlAction()).isEqualTo(UrlAction.EXEC);
    }

    // ---- structure ----------------------------------------------------------------------------

    @Test
    void emptyFile_saysWhatIsNeeded() {
        assertOnlyProblem("", 1, 1, "SSOConfig", "the file holds no settings");
        assertOnlyProblem("# only a comment\n\n", 1, 1, "SSOConfig", "the file holds no settings");
    }

    @Test
    void topLevelList_isTheWrongShape() {
        assertThat(problems("- SSOConfig\n")).singleElement().asString()
                .startsWith(FILE + ":1:1: ").contains("expected the settings as 'Key: value' lines");
    }

    @Test
    void duplicateKey_isReportedAtTheSecondWithTheFirstLine() {
        assertOnlyProblem(MINIMAL + "Threads: 3\nThreads: 4\n", 6, 1, "Threads",
                "duplicate key (also on line 5)");
    }

    @Test
    void duplicateKey_differingOnlyInCase_isAWarningAndTheExactSpellingWins() {
        assertThat(warnings(MINIMAL + "threads: 4\nThreads: 3\n")).contains(FILE + ":5:1:"
                + " threads: 'Threads' is given twice in different case (lines 5 and 6); this one"
                + " is ignored");
        assertThat(loadWith("threads: 4\nThreads: 3\n").threads()).isEqualTo(3);
    }

    @Test
    void duplicateInstanceName_isReported() {
        assertThat(problems(MINIMAL + "  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://y.awsapps.com/start\n")).singleElement().asString()
                .startsWith(FILE + ":5:3: SSOConfig.Default: duplicate key (also on line 2)");
    }

    @Test
    void syntaxError_isReportedAtItsLine() {
        assertThat(problems(MINIMAL + "Threads: 3\n  LogLevel: info: x\n")).singleElement()
                .asString().startsWith(FILE + ":6:").contains("invalid YAML");
    }

    @Test
    void tabIndentation_isASyntaxErrorAtItsLine() {
        assertThat(problems("SSOConfig:\n\tDefault: {}\n")).singleElement().asString()
                .startsWith(FILE + ":2:").contains("invalid YAML");
    }

    @Test
    void twoDocuments_onlyTheFirstIsReadAsInAwsSsoCli() {
        assertThat(warnings(MINIMAL + "---\nThreads: [broken\n")).singleElement().asString()
                .startsWith(FILE + ":5:1: ").contains("more than one YAML document");
        assertThat(loadWith("---\nThreads: 9\n").threads()).isEqualTo(5);
    }

    @Test
    void complexKey_isRefused() {
        assertThat(problems(MINIMAL + "? [a, b]\n: c\n")).singleElement().asString()
                .startsWith(FILE + ":5:3: ").contains("keys must be names, found a list");
    }

    @Test
    void jsonStore_invalidPath_isReported() {
        assertOnlyProblem(MINIMAL + "JsonStore: \"a\\0b\"\n", 5, 12, "JsonStore",
                "not a valid path");
    }

    @Test
    void manyProblems_areAllReportedAtOnce() {
        String yaml = "SSOConfig:\n"                               // 1
                + "  Default:\n"                                   // 2
                + "    SSORegion: us-east-1\n"                     // 3
                + "    StartUrl: https://x.awsapps.com/start\n"    // 4
                + "    Accounts:\n"                                // 5
                + "      abc: {}\n"                                // 6
                + "      \"012345678901\":\n"                      // 7
                + "        Roles: {R: {Via: nope}}\n"              // 8
                + "  Broken: {SSORegion: x}\n"                     // 9
                + "Threads: many\n"                                // 10
                + "ListFields: [Nope]\n"                           // 11
                + "LogLevel: loud\n";                              // 12

        assertThat(ConfigTesting.problemList(yaml)).extracting(ConfigProblem::line, ConfigProblem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(6, "SSOConfig.Default.Accounts.abc"),
                        org.assertj.core.groups.Tuple.tuple(8,
                                "SSOConfig.Default.Accounts.012345678901.Roles.R.Via"),
                        org.assertj.core.groups.Tuple.tuple(9, "SSOConfig.Broken.StartUrl"),
                        org.assertj.core.groups.Tuple.tuple(10, "Threads"),
                        org.assertj.core.groups.Tuple.tuple(12, "LogLevel"));
    }

    // ---- warnings and migrations --------------------------------------------------------------

    @Test
    void unknownKey_isAWarningWithASuggestion() {
        LoadedConfig loaded = loaded(MINIMAL + "Treads: 3\n");

        assertThat(loaded.config().threads()).isEqualTo(5);
        assertThat(warnings(MINIMAL + "Treads: 3\n")).containsExactly(FILE
                + ":5:1: Treads: unknown key, ignored; did you mean 'Threads'?");
    }

    @Test
    void misspelledRequiredKey_missingKeyProblemPointsAtTheMisspelling() {
        String yaml = "SSOConfig:\n  Default:\n    SSORegoin: us-east-1\n"
                + "    StartUrl: https://x.awsapps.com/start\n";

        assertThat(problems(yaml)).containsExactly(
                FILE + ":2:3: SSOConfig.Default.SSORegion: missing; every SSO instance needs"
                        + " SSORegion and StartUrl (is 'SSORegoin' on line 3 a misspelling?)");
    }

    @Test
    void keyInOtherCase_isReadWithAWarning() {
        assertThat(loadWith("threads: 7\n").threads()).isEqualTo(7);
        assertThat(warnings(MINIMAL + "threads: 7\n"))
                .containsExactly(FILE + ":5:1: threads: read as 'Threads'; write it that way");
    }

    @Test
    void listFields_oldNames_areMigratedWithWarnings() {
        String yaml = MINIMAL + "ListFields: [ExpiresStr, AccountIdStr, ARN, RoleName]\n";

        assertThat(ConfigTesting.load(yaml).listFields())
                .containsExactly("Expires", "AccountIdPad", "Arn", "RoleName");
        assertThat(warnings(yaml)).hasSize(3).allSatisfy(w -> assertThat(w).contains("deprecated"));
    }

    @Test
    void profileFormat_accountIdStr_isMigrated() {
        String yaml = MINIMAL + "ProfileFormat: '{{ AccountIdStr .AccountId }}:{{ .RoleName }}'\n";

        assertThat(ConfigTesting.load(yaml).profileFormat())
                .isEqualTo("{{ .AccountIdPad }}:{{ .RoleName }}");
        assertThat(warnings(yaml)).singleElement().asString()
                .startsWith(FILE + ":5:16: ProfileFormat: ");
    }

    @Test
    void firefoxOpenUrlInContainer_becomesTheUrlAction() {
        String yaml = MINIMAL + "FirefoxOpenUrlInContainer: true\n"
                + "UrlExecCommand: [firefox, \"%s\"]\n";

        AwsSsoConfig c = ConfigTesting.load(yaml);

        assertThat(c.urlAction()).isEqualTo(UrlAction.OPEN_URL_IN_CONTAINER);
        assertThat(c.configProfilesUrlAction()).isEqualTo(UrlAction.OPEN_URL_IN_CONTAINER);
        assertThat(warnings(yaml)).singleElement().asString()
                .contains("FirefoxOpenUrlInContainer: deprecated");
    }

    @Test
    void configUrlAction_becomesConfigProfilesUrlAction() {
        String yaml = MINIMAL + "ConfigUrlAction: clip\n";

        assertThat(ConfigTesting.load(yaml).configProfilesUrlAction()).isEqualTo(UrlAction.CLIP);
        assertThat(warnings(yaml)).singleElement().asString().contains("ConfigUrlAction: deprecated");
    }

    @Test
    void unknownKeyInARole_isAWarningWithTheFullPath() {
        assertThat(warnings(role("Profil: x"))).containsExactly(FILE + ":9:13: " + ROLE_PATH
                + "Profil: unknown key, ignored; did you mean 'Profile'?");
    }
}
