package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.api.CatalogRole;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.render.Visible;
import io.awssso.core.RoleEnvironment;
import io.awssso.core.RoleTask;
import io.awssso.core.RunCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code run}'s task for one role: the command with the role's variables (as {@code exec} sets
 * them), stdin closed, its stdout and stderr read line by line — printed at once behind the
 * profile name, or kept for the JSON object. An interrupt (Ctrl-C, or the run cancelled) ends the
 * process and everything it started.
 */
final class RoleProcess implements RoleTask<RoleProcess.Exit> {
    /** How long an ended process may take to go after SIGTERM before it is killed. */
    private static final long GRACE_MILLIS = 2_000;

    /**
     * A command's end.
     *
     * @param code its exit code
     * @param stdout what it printed on stdout (empty when the lines went to the terminal)
     * @param stderr what it printed on stderr (likewise)
     */
    record Exit(int code, String stdout, String stderr) {
    }

    /** A command that exited with another code than 0: a failure of its role, carrying its end. */
    static final class Failed extends AwsSsoException {
        private static final long serialVersionUID = 1L;
        private final transient Exit exit;

        Failed(Exit exit) {
            super("the command exited with " + exit.code());
            this.exit = exit;
        }

        Exit exit() {
            return exit;
        }
    }

    private final List<String> command;
    private final Map<String, String> current;
    private final boolean noRegion;
    private final boolean overwriteEnv;
    private final Terminal terminal;
    private final boolean prefixLines;

    RoleProcess(List<String> command, Map<String, String> current, boolean noRegion,
            boolean overwriteEnv, Terminal terminal, boolean prefixLines) {
        this.command = List.copyOf(command);
        this.current = current;
        this.noRegion = noRegion;
        this.overwriteEnv = overwriteEnv;
        this.terminal = terminal;
        this.prefixLines = prefixLines;
    }

    @Override
    public Exit run(CatalogRole role, RunCredentials credentials) throws InterruptedException {
        RoleEnvironment vars = credentials.environment(RegionFlags.policy(noRegion, overwriteEnv));
        ProcessBuilder pb = new ProcessBuilder(command);
        StringWriter warnings = new StringWriter();
        ExecCommand.setRoleEnvironment(pb.environment(), current, vars, overwriteEnv, new PrintWriter(warnings));
        String prefix = "[" + Visible.escape(role.profile()) + "] ";
        warnings.toString().lines().forEach(w -> line(terminal.err(), prefix + w));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AwsSsoException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close(); // one terminal, many commands: none of them reads it
        } catch (IOException e) {
            // it has gone already; its exit code says how
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread outReader = reader(p.getInputStream(), terminal.out(), prefix, out, role);
        Thread errReader = reader(p.getErrorStream(), terminal.err(), prefix, err, role);
        int code;
        try {
            code = p.waitFor();
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            end(p);
            outReader.join(GRACE_MILLIS);
            errReader.join(GRACE_MILLIS);
            throw e;
        }
        Exit exit = new Exit(code, out.toString(), err.toString());
        if (code != 0) {
            throw new Failed(exit);
        }
        return exit;
    }

    /** Reads one stream of the process line by line, on a thread of its own. */
    private Thread reader(InputStream in, PrintWriter terminalStream, String prefix, StringBuilder kept,
            CatalogRole role) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (prefixLines) {
                        line(terminalStream, prefix + l);
                    } else {
                        kept.append(l).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process was ended: what it wrote until then is kept
            }
        }, "aws-sso-run-output-" + role.arn().accountId().value());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** One whole line: lines of parallel commands never mix. */
    private static void line(PrintWriter stream, String text) {
        synchronized (stream) {
            stream.println(text);
            stream.flush();
        }
    }

    /** Ends the process and what it started: SIGTERM, then SIGKILL after a grace period. */
    private static void end(Process p) {
        List<ProcessHandle> tree = p.descendants().toList(); // before the parent goes and they are reparented
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException again) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
