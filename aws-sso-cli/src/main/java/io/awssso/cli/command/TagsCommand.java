package io.awssso.cli.command;

import io.awssso.api.AccountId;
import io.awssso.api.RoleNotFoundException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.OutputFormat;
import io.awssso.cli.options.OutputFormat.Format;
import io.awssso.cli.render.Json;
import io.awssso.cli.render.RefreshProgress;
import io.awssso.cli.render.Visible;
import io.awssso.core.AwsSso;
import io.awssso.core.RoleTags;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aws-sso tags [-A account] [-R role]}: prints the tags of every cached role (defaults,
 * config tags, History), refreshing the role cache first when it has expired. For each role: the
 * ARN, then {@code "  Key: Value"} lines sorted by key, then a blank line, on stdout.
 */
@Command(name = "tags", description = {
        "Print the tags of the cached roles.",
        "Refreshes the role cache first when it has expired (that needs a valid login)."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso tags", "  aws-sso tags -A 012345678901 -R AdministratorAccess",
                "  aws-sso tags --output json"})
public final class TagsCommand implements Callable<Integer> {
    @Option(names = {"-A", "--account"}, paramLabel = "<id>", converter = AccountConverter.class,
            description = "Only roles of this account (up to 12 digits, leading zeros optional).")
    private AccountId account;

    @Option(names = {"-R", "--role"}, paramLabel = "<name>", description = "Only roles with this name.")
    private String role;

    @Mixin
    private OutputFormat output;


    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal the tags go to stdout, progress and errors to stderr
     */
    @Inject
    public TagsCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Format format = output.requireOneOf(Format.TABLE, Format.JSON);
        AwsSso sso = engine.get();
        sso.roles().refreshIfExpired(RefreshProgress.on(terminal));
        List<RoleTags> tags = sso.roles().tags(r -> (account == null || r.arn().accountId().equals(account))
                && (role == null || r.arn().roleName().equals(role)));
        if (tags.isEmpty() && (account != null || role != null)) {
            throw new RoleNotFoundException("no cached role of SSO instance '" + sso.instanceName() + "' matches"
                    + (account == null ? "" : " account " + account) + (role == null ? "" : " role " + role)
                    + "; run 'aws-sso cache' if it was assigned recently");
        }
        PrintWriter out = terminal.out();
        if (format == Format.JSON) {
            List<Map<String, Object>> doc = new ArrayList<>();
            for (RoleTags t : tags) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("Arn", t.arn().toString());
                o.put("Tags", t.tags());
                doc.add(o);
            }
            out.println(Json.write(doc));
        } else {
            for (RoleTags t : tags) {
                // role names and tags come from AWS and the config: never a raw control on the terminal
                out.println(Visible.escape(t.arn().toString()));
                t.tags().forEach((k, v) -> out.println("  " + Visible.escape(k) + ": " + Visible.escape(v)));
                out.println();
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** Reads {@code -A}: decimal digits only, never octal, padded to twelve. */
    public static final class AccountConverter implements ITypeConverter<AccountId> {
        /** Creates the converter; picocli creates it reflectively. */
        public AccountConverter() {}

        @Override
        public AccountId convert(String value) {
            try {
                return AccountId.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
