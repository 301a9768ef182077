package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.render.Table;
import io.awssso.core.PortalRole;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code aws-sso list-sso-roles}: aws-sso-cli's hidden debugging command. It asks IAM Identity
 * Center for every account and role now, ignoring the role cache and the config's roles, and
 * prints the table {@code AccountId | AccountName | RoleName} in the order the service lists
 * them, the account id as an integer (no leading zeros) as aws-sso-cli prints it. It takes no
 * options of its own.
 */
@Command(name = "list-sso-roles", hidden = true,
        description = {"List AWS SSO Roles (debugging).",
                "Asks IAM Identity Center directly, bypassing the role cache (needs a valid login)."})
public final class ListSsoRolesCommand implements Callable<Integer> {
    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal the table goes to stdout
     */
    @Inject
    public ListSsoRolesCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        List<List<String>> rows = new ArrayList<>();
        for (PortalRole r : engine.get().roles().assigned()) {
            rows.add(List.of(Long.toString(r.accountId().asLong()), r.accountName(), r.roleName()));
        }
        PrintWriter out = terminal.out();
        Table.lines(List.of("AccountId", "AccountName", "RoleName"), rows).forEach(out::println);
        out.flush();
        return ExitCode.OK.code();
    }
}
