package io.awssso.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.completion.Completer.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Completion over a small command model shaped like aws-sso's, with roles held in memory. */
class CompleterTest {
    /** A model shaped like aws-sso's, built without reflection (the test package is not opened). */
    private static CommandSpec model() {
        CommandSpec root = CommandSpec.create().name("aws-sso");
        CommandSpec console = CommandSpec.create().name("console");
        console.usageMessage().description("Open the console");
        console.addOption(option(String.class, "-A", "--account"));
        console.addOption(option(String.class, "-R", "--role"));
        console.addOption(option(String.class, "-a", "--arn"));
        console.addOption(option(String.class, "-p", "--profile"));
        console.addOption(option(String.class, "--region"));
        console.addOption(OptionSpec.builder("--secret").hidden(true).build());
        CommandSpec list = CommandSpec.create().name("list");
        list.addPositional(PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class)
                .arity("0..*").build());
        list.addOption(option(String.class, "-P", "--prefix"));
        CommandSpec hidden = CommandSpec.create().name("__complete");
        hidden.usageMessage().hidden(true);
        root.addSubcommand("console", console);
        root.addSubcommand("list", list);
        root.addSubcommand("__complete", hidden);
        // added after the sub-commands so they inherit them, like GlobalOptions' ScopeType.INHERIT
        for (CommandSpec spec : List.of(root, console, list, hidden)) {
            spec.addOption(option(String.class, "-S", "--sso"));
            spec.addOption(option(java.nio.file.Path.class, "--config"));
        }
        return root;
    }

    private static OptionSpec option(Class<?> type, String... names) {
        return OptionSpec.builder(names).type(type).arity("1").build();
    }

    /** Roles of two instances; remembers which instance was asked for. */
    static final class Data implements CompletionData {
        final List<String> asked = new ArrayList<>();
        final Map<String, List<Role>> roles = Map.of(
                "", List.of(new Role("prod:Admin", "012345678901", "Admin", "arn:aws:iam::012345678901:role/Admin"),
                        new Role("prod:ReadOnly", "012345678901", "ReadOnly", "arn:aws:iam::012345678901:role/ReadOnly"),
                        new Role("dev:Admin", "111111111111", "Admin", "arn:aws:iam::111111111111:role/Admin")),
                "Other", List.of(new Role("other:Ops", "222222222222", "Ops", "arn:aws:iam::222222222222:role/Ops")));

        @Override
        public List<String> instances() {
            return List.of("Default", "Other");
        }

        @Override
        public List<Role> roles(String sso) {
            asked.add(sso);
            return roles.getOrDefault(sso, List.of());
        }
    }

    private final Data data = new Data();
    private final Completer completer = new Completer(model(), data);

    private List<String> complete(String line) {
        return completer.complete(line).stream().map(Candidate::value).toList();
    }

    @Test
    void complete_commandPrefix_offersVisibleCommandsOnly() {
        assertThat(complete("aws-sso ")).containsExactly("console", "list");
        assertThat(complete("aws-sso co")).containsExactly("console");
        assertThat(data.asked).isEmpty();
    }

    @Test
    void complete_dash_offersTheCommandsFlagsWithInheritedOnes_butNotHiddenOnes() {
        assertThat(complete("aws-sso console --")).contains("--account", "--sso", "--config", "--region")
                .doesNotContain("--secret");
    }

    @Test
    void complete_accountAfterRole_offersOnlyAccountsHavingThatRole() {
        assertThat(complete("aws-sso console -R ReadOnly -A ")).containsExactly("012345678901");
        assertThat(complete("aws-sso console -R Admin -A ")).containsExactly("012345678901", "111111111111");
    }

    @Test
    void complete_roleAfterAccount_offersThatAccountsRoles() {
        assertThat(complete("aws-sso console -A 111111111111 --role ")).containsExactly("Admin");
    }

    @Test
    void complete_arnWithAccountAndRole_offersTheOneArn() {
        assertThat(complete("aws-sso console -A 012345678901 -R Admin -a "))
                .containsExactly("arn:aws:iam::012345678901:role/Admin");
    }

    @Test
    void complete_ssoOnTheLine_readsThatInstancesRoles() {
        assertThat(complete("aws-sso -S Other console -p ")).containsExactly("other:Ops");
        assertThat(complete("aws-sso console --sso=Other -p o")).containsExactly("other:Ops");
        assertThat(data.asked).containsOnly("Other");
    }

    @Test
    void complete_ssoValue_offersTheConfiguredInstances() {
        assertThat(complete("aws-sso -S ")).containsExactly("Default", "Other");
        assertThat(complete("aws-sso --sso=O")).containsExactly("--sso=Other");
    }

    @Test
    void complete_profilePrefix_filtersCaseSensitively() {
        assertThat(complete("aws-sso console -p prod:")).containsExactly("prod:Admin", "prod:ReadOnly");
        assertThat(complete("aws-sso console -p Prod")).isEmpty();
    }

    @Test
    void complete_regionAndListFields_comeFromFixedLists() {
        assertThat(complete("aws-sso console --region eu-west-")).containsExactly("eu-west-1", "eu-west-2", "eu-west-3");
        // the library's order: sorted by name, as list --list-fields prints them
        assertThat(complete("aws-sso list Acc")).containsExactly("AccountAlias", "AccountId", "AccountIdPad",
                "AccountName");
        assertThat(complete("aws-sso list -P Pro")).containsExactly("Profile=");
    }

    @Test
    void complete_fileOption_asksTheShellForFileNames() {
        assertThat(complete("aws-sso --config ")).containsExactly(Completer.FILES);
    }

    @Test
    void complete_profileHelper_offersProfilesOfTheInstanceGiven() {
        assertThat(complete("aws-sso-profile d")).containsExactly("dev:Admin");
        assertThat(complete("aws-sso-profile -S Other ")).containsExactly("other:Ops");
        assertThat(complete("aws-sso-profile -S ")).containsExactly("Default", "Other");
        assertThat(complete("aws-sso-profile dev:Admin ")).isEmpty();
    }

    @Test
    void split_quotesAndEscapes_groupWords() {
        assertThat(Completer.split("aws-sso -p 'a b' \"c\\\"d\" e\\ f ")).containsExactly("aws-sso", "-p", "a b",
                "c\"d", "e f", "");
    }

    @Test
    void instanceNames_readsTheKeysDirectlyUnderSsoConfig() {
        assertThat(CacheCompletionData.instanceNames(List.of("# c", "SSOConfig:", "  Default:",
                "    SSORegion: us-east-1", "    Accounts:", "      \"0123\":", "  \"My Org\":  # x",
                "    StartUrl: https://x", "DefaultSSO: Default", "Other:", "  NotThis:")))
                .containsExactly("Default", "My Org");
    }

    @Test
    void complete_run_rolesForItsRoleFlag_andNothingOfOursAfterTheCommand() {
        CommandSpec root = CommandSpec.create().name("aws-sso");
        CommandSpec run = CommandSpec.create().name("run");
        run.addOption(option(String.class, "-R", "--role"));
        run.addOption(option(String.class, "-f", "--filter"));
        run.addPositional(PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class)
                .arity("1..*").build());
        root.addSubcommand("run", run);
        Completer c = new Completer(root, new Data());

        assertThat(c.complete("aws-sso run --role R")).extracting(Candidate::value).containsExactly("ReadOnly");
        assertThat(c.complete("aws-sso run --")).extracting(Candidate::value).contains("--role", "--filter");
        assertThat(c.complete("aws-sso run --role ReadOnly aws s3 --")).isEmpty();
        assertThat(c.complete("aws-sso run -- sh -")).isEmpty();
    }
}
