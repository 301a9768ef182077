package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.FILE;
import static io.awssso.core.internal.config.ConfigTesting.HOME;
import static io.awssso.core.internal.config.ConfigTesting.LOCATION;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.load;
import static io.awssso.core.internal.config.ConfigTesting.loadWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.internal.env.Environment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every key left out gets the default of aws-sso-cli's code; every key given is read. */
class ConfigBinderDefaultsTest {

    @Test
    void bind_minimalConfig_fillsEveryDefault() {
        AwsSsoConfig c = load(MINIMAL);

        assertThat(c.defaultSso()).isEqualTo("Default");
        assertThat(c.defaultRegion()).isEqualTo("us-east-1");
        assertThat(c.authWorkflow()).isEqualTo(AuthWorkflow.PKCE);
        assertThat(c.autoLogin()).isFalse();
        assertThat(c.autoConfigCheck()).isFalse();
        assertThat(c.cacheRefreshHours()).isEqualTo(168);
        assertThat(c.threads()).isEqualTo(5);
        assertThat(c.maxRetry()).isEqualTo(10);
        assertThat(c.maxBackoffSeconds()).isEqualTo(5);
        assertThat(c.urlAction()).isEqualTo(UrlAction.OPEN);
        assertThat(c.browser()).isEmpty();
        assertThat(c.urlExecCommand()).isEmpty();
        assertThat(c.consoleDurationMinutes()).isEqualTo(60);
        assertThat(c.configProfilesBinaryPath()).isEmpty();
        assertThat(c.configProfilesUrlAction()).isEqualTo(UrlAction.OPEN);
        assertThat(c.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(c.logLines()).isFalse();
        assertThat(c.historyLimit()).isEqualTo(10);
        assertThat(c.historyMinutes()).isEqualTo(1440);
        assertThat(c.secureStore()).isEmpty();
        assertThat(c.jsonStore()).isEqualTo(FILE.getParent().resolve("store.json"));
        assertThat(c.secretServiceCollection()).isEqualTo("awsssocli");
        assertThat(c.onePassword()).isEqualTo(OnePasswordConfig.defaults());
        assertThat(c.profileFormat())
                .isEqualTo("{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}");
        assertThat(c.configVariables()).isEmpty();
        assertThat(c.firstTag()).isEmpty();
        assertThat(c.fullTextSearch()).isTrue();
        assertThat(c.accountPrimaryTag()).containsExactly("AccountName", "AccountAlias", "Email");
        assertThat(c.promptColors()).isEqualTo(KnownNames.DEFAULT_PROMPT_COLORS);
        assertThat(c.listFields())
                .containsExactly("AccountIdPad", "AccountAlias", "RoleName", "Profile", "Expires");
        assertThat(c.envVarTags()).isEmpty();
        SsoConfig def = c.ssoConfig().get("Default");
        assertThat(def.defaultRegion()).isEmpty();
        assertThat(def.authUrlAction()).isEqualTo(UrlAction.OPEN);
        assertThat(def.accounts()).isEmpty();
        assertThat(def.awsCliSsoSession()).isEmpty();
    }

    @Test
    void bind_awsCliSsoSession_isReadPerInstance() {
        AwsSsoConfig c = load(MINIMAL + "    AwsCliSsoSession: my-sso\n");

        assertThat(c.ssoConfig().get("Default").awsCliSsoSession()).contains("my-sso");
    }

    @Test
    void bind_defaultPromptColors_matchTheReference() {
        assertThat(KnownNames.DEFAULT_PROMPT_COLORS).hasSize(16)
                .containsEntry("DescriptionBGColor", "Turquoise")
                .containsEntry("DescriptionTextColor", "Black")
                .containsEntry("PrefixTextColor", "Blue")
                .containsEntry("PreviewSuggestionTextColor", "Green")
                .containsEntry("ScrollbarBGColor", "Cyan")
                .containsEntry("ScrollbarThumbColor", "LightGrey")
                .containsEntry("SelectedSuggestionBGColor", "DarkGrey")
                .containsEntry("SelectedDescriptionTextColor", "White")
                .containsEntry("SuggestionBGColor", "Cyan")
                .containsEntry("SuggestionTextColor", "White")
                .containsEntry("InputBGColor", "DefaultColor");
    }

    @Test
    void bind_overSshWithoutAuthWorkflow_defaultsToDeviceCode() {
        for (String variable : new String[] {"SSH_TTY", "SSH_CONNECTION", "WSL_DISTRO_NAME"}) {
            Environment remote = Environment.of(Map.of(variable, "x"), HOME);

            AwsSsoConfig c = new ConfigLoader(remote).parse(MINIMAL, LOCATION, Instant.EPOCH)
                    .config();

            assertThat(c.authWorkflow()).as(variable).isEqualTo(AuthWorkflow.DEVICE_CODE);
        }
    }

    @Test
    void bind_overSshWithAuthWorkflowSet_keepsTheSetting() {
        Environment remote = Environment.of(Map.of("SSH_TTY", "/dev/pts/1"), HOME);

        AwsSsoConfig c = new ConfigLoader(remote)
                .parse(MINIMAL + "AuthWorkflow: pkce\n", LOCATION, Instant.EPOCH).config();

        assertThat(c.authWorkflow()).isEqualTo(AuthWorkflow.PKCE);
    }

    @Test
    void bind_everyScalarKey_isRead() {
        AwsSsoConfig c = loadWith(""
                + "DefaultSSO: Other\n"
                + "DefaultRegion: eu-west-3\n"
                + "AuthWorkflow: device_code\n"
                + "AutoLogin: true\n"
                + "AutoConfigCheck: TRUE\n"
                + "CacheRefresh: -1\n"
                + "Threads: 12\n"
                + "MaxRetry: \"3\"\n"
                + "MaxBackoff: 30\n"
                + "UrlAction: printurl\n"
                + "Browser: ~/bin/firefox\n"
                + "ConsoleDuration: 720\n"
                + "ConfigProfilesBinaryPath: ~/bin/aws-sso\n"
                + "ConfigProfilesUrlAction: clip\n"
                + "LogLevel: Trace\n"
                + "LogLines: true\n"
                + "HistoryLimit: 0\n"
                + "HistoryMinutes: 0\n"
                + "SecureStore: json\n"
                + "JsonStore: ~/secrets/store.json\n"
                + "SecretServiceCollection: mine\n"
                + "ProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n"
                + "FirstTag: Env\n"
                + "FullTextSearch: false\n"
                + "AccountPrimaryTag: [Email]\n"
                + "EnvVarTags: [Env, Team]\n");

        assertThat(c.defaultSso()).isEqualTo("Other");
        assertThat(c.defaultRegion()).isEqualTo("eu-west-3");
        assertThat(c.authWorkflow()).isEqualTo(AuthWorkflow.DEVICE_CODE);
        assertThat(c.autoLogin()).isTrue();
        assertThat(c.autoConfigCheck()).isTrue();
        assertThat(c.cacheRefreshHours()).isEqualTo(-1);
        assertThat(c.threads()).isEqualTo(12);
        assertThat(c.maxRetry()).isEqualTo(3);
        assertThat(c.maxBackoffSeconds()).isEqualTo(30);
        assertThat(c.urlAction()).isEqualTo(UrlAction.PRINT_URL);
        assertThat(c.browser()).contains(HOME.resolve("bin/firefox").toString());
        assertThat(c.consoleDurationMinutes()).isEqualTo(720);
        assertThat(c.configProfilesBinaryPath()).contains(HOME.resolve("bin/aws-sso").toString());
        assertThat(c.configProfilesUrlAction()).isEqualTo(UrlAction.CLIP);
        assertThat(c.logLevel()).isEqualTo(LogLevel.TRACE);
        assertThat(c.logLines()).isTrue();
        assertThat(c.historyLimit()).isZero();
        assertThat(c.historyMinutes()).isZero();
        assertThat(c.secureStore()).contains("json");
        assertThat(c.jsonStore()).isEqualTo(HOME.resolve("secrets/store.json"));
        assertThat(c.secretServiceCollection()).isEqualTo("mine");
        assertThat(c.profileFormat()).isEqualTo("{{ .AccountIdPad }}:{{ .RoleName }}");
        assertThat(c.firstTag()).isEqualTo("Env");
        assertThat(c.fullTextSearch()).isFalse();
        assertThat(c.accountPrimaryTag()).containsExactly("Email");
        assertThat(c.envVarTags()).containsExactly("Env", "Team");
        assertThat(c.ssoConfig().get("Default").authUrlAction()).isEqualTo(UrlAction.PRINT_URL);
    }

    @Test
    void bind_urlExecCommand_expandsTildeInTheProgramOnly() {
        AwsSsoConfig c = loadWith("UrlAction: exec\nUrlExecCommand: [~/bin/open, \"%s\", ~/x]\n");

        assertThat(c.urlExecCommand())
                .containsExactly(HOME.resolve("bin/open").toString(), "%s", "~/x");
    }

    @Test
    void bind_configProfilesUrlActionUnset_followsUrlActionButPrintBecomesOpen() {
        assertThat(loadWith("UrlAction: clip\n").configProfilesUrlAction())
                .isEqualTo(UrlAction.CLIP);
        assertThat(loadWith("UrlAction: print\n").configProfilesUrlAction())
                .isEqualTo(UrlAction.OPEN);
        assertThat(loadWith("UrlAction: printurl\n").configProfilesUrlAction())
                .isEqualTo(UrlAction.OPEN);
    }

    @Test
    void bind_authUrlAction_overridesUrlActionForThatInstanceOnly() {
        AwsSsoConfig c = load(MINIMAL + "    AuthUrlAction: print\n"
                + "  Other:\n    SSORegion: us-east-2\n    StartUrl: https://o.awsapps.com/start\n"
                + "UrlAction: clip\n");

        assertThat(c.ssoConfig().get("Default").authUrlAction()).isEqualTo(UrlAction.PRINT);
        assertThat(c.ssoConfig().get("Other").authUrlAction()).isEqualTo(UrlAction.CLIP);
    }

    @Test
    void bind_mapsAndPromptColors_areReadAndMergedWithDefaults() {
        AwsSsoConfig c = loadWith("ConfigVariables: {output: json, cli_pager: ''}\n"
                + "PromptColors:\n  InputTextColor: red\n  SuggestionBGColor: DarkGray\n");

        assertThat(c.configVariables()).containsExactly(Map.entry("output", "json"),
                Map.entry("cli_pager", ""));
        assertThat(c.promptColors()).hasSize(16).containsEntry("InputTextColor", "Red")
                .containsEntry("SuggestionBGColor", "DarkGrey")
                .containsEntry("DescriptionBGColor", "Turquoise");
    }

    @Test
    void bind_onePassword_isRead() {
        AwsSsoConfig c = loadWith("SecureStore: 1password\n"
                + "OnePassword: {Vault: aws-sso, AuthType: desktop, Account: me@example.com}\n");

        assertThat(c.onePassword()).isEqualTo(new OnePasswordConfig(
                java.util.Optional.of("aws-sso"), "desktop", java.util.Optional.of("me@example.com")));
    }

    @Test
    void bind_onePasswordServiceAccount_needsNoAccount() {
        AwsSsoConfig c = loadWith("SecureStore: 1password\n"
                + "OnePassword: {Vault: v, AuthType: service-account}\n");

        assertThat(c.onePassword().authType()).isEqualTo(OnePasswordConfig.SERVICE_ACCOUNT);
    }

    @Test
    void bind_nullValues_meanTheDefault() {
        AwsSsoConfig c = loadWith("Threads:\nLogLevel: ~\nListFields: null\nPromptColors:\n");

        assertThat(c.threads()).isEqualTo(5);
        assertThat(c.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(c.listFields()).hasSize(5);
        assertThat(c.promptColors()).isEqualTo(KnownNames.DEFAULT_PROMPT_COLORS);
    }

    @Test
    void bind_roleAndAccountBlocks_readEveryKeyAndAllowEmptyRoles() {
        AwsSsoConfig c = load(MINIMAL + ""
                + "    DefaultRegion: ap-south-1\n"
                + "    Accounts:\n"
                + "      \"000000000001\":\n"
                + "        Name: One\n"
                + "        DefaultRegion: eu-north-1\n"
                + "        Tags: {Env: dev, Count: 3}\n"
                + "        Roles:\n"
                + "          Empty: {}\n"
                + "          Nothing:\n"
                + "          Full:\n"
                + "            Profile: one-full\n"
                + "            DefaultRegion: sa-east-1\n"
                + "            Tags: {Env: override}\n"
                + "            Via: arn:aws-us-gov:iam::000000000002:role/path/Jump\n"
                + "            ExternalId: abc:def/ghi\n"
                + "            SourceIdentity: bob@example.com\n");

        AccountConfig one = c.ssoConfig().get("Default").accounts().values().iterator().next();
        assertThat(one.name()).contains("One");
        assertThat(one.tags()).containsExactly(Map.entry("Env", "dev"), Map.entry("Count", "3"));
        assertThat(one.roles()).containsOnlyKeys("Empty", "Nothing", "Full");
        assertThat(one.roles().get("Empty").tags()).isEmpty();
        RoleConfig full = one.roles().get("Full");
        assertThat(full.profile()).contains("one-full");
        assertThat(full.defaultRegion()).contains("sa-east-1");
        assertThat(full.via()).hasValueSatisfying(arn -> {
            assertThat(arn.partition()).isEqualTo("aws-us-gov");
            assertThat(arn.roleName()).isEqualTo("path/Jump"); // the path stays: AssumeRole needs the full ARN
        });
        assertThat(full.externalId()).contains("abc:def/ghi");
        assertThat(full.sourceIdentity()).contains("bob@example.com");
    }

    @Test
    void effectiveRegion_followsRoleThenAccountThenInstanceThenTopLevel() {
        AwsSsoConfig c = load(MINIMAL + ""
                + "    DefaultRegion: ap-south-1\n"
                + "    Accounts:\n"
                + "      \"000000000001\":\n"
                + "        DefaultRegion: eu-north-1\n"
                + "        Roles: {Role: {DefaultRegion: sa-east-1}, Plain: {}}\n"
                + "      \"000000000002\": {}\n"
                + "  Bare:\n    SSORegion: us-east-1\n    StartUrl: https://b.awsapps.com/start\n"
                + "DefaultRegion: ca-central-1\n");
        SsoConfig def = c.ssoConfig().get("Default");
        io.awssso.api.AccountId one = io.awssso.api.AccountId.parse("1");

        assertThat(c.effectiveRegion(def, one, "Role")).isEqualTo("sa-east-1");
        assertThat(c.effectiveRegion(def, one, "Plain")).isEqualTo("eu-north-1");
        assertThat(c.effectiveRegion(def, io.awssso.api.AccountId.parse("2"), "X"))
                .isEqualTo("ap-south-1");
        assertThat(c.effectiveRegion(c.ssoConfig().get("Bare"), one, "Role"))
                .isEqualTo("ca-central-1");
    }

    @Test
    void bind_jsonStoreDefault_isInTheConfigDirectoryNotNextToAnExplicitConfigFile() {
        ConfigLocation elsewhere = new ConfigLocation(Path.of("/tmp/other.yaml"),
                Path.of("/home/tester/.aws-sso"));

        AwsSsoConfig c = new ConfigLoader(ConfigTesting.desktop())
                .parse(MINIMAL, elsewhere, Instant.EPOCH).config();

        assertThat(c.jsonStore()).isEqualTo(Path.of("/home/tester/.aws-sso/store.json"));
    }
}
