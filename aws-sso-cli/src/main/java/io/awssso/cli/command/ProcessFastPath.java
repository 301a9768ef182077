package io.awssso.cli.command;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.cli.Main;
import io.awssso.core.AwsSso;
import java.io.Console;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The entry point the launcher uses for {@code aws-sso process}: when the command line is a plain
 * role selection and the store holds valid credentials, it prints them without building the
 * picocli command tree or the CLI's object graph (which cost more than the rest of the run). With
 * the {@code json} store it does not even build the engine
 * ({@link AwsSso.Builder#storedCredentialsWithoutEngine}); with another store it asks an engine
 * that opens only config and store ({@link AwsSso#cachedCredentials}). In every other case (a
 * flag it does not know, a profile, {@code --sts-refresh}, no stored credentials, any error) it
 * hands the untouched arguments to {@link Main}, which gives the same output and exit code as
 * always.
 */
public final class ProcessFastPath {
    /** The system property through which the launcher asks {@link #markCacheHit} for a marker file. */
    static final String HIT_MARKER_PROPERTY = "awssso.process.hitMarker";

    private ProcessFastPath() {
    }

    /**
     * Runs {@code process} from the store, or else the full tool.
     *
     * @param args the command line, as for {@link Main#main}
     */
    public static void main(String[] args) {
        // as the full tool's logging setup does: logs go to stderr, at warn unless the JVM was told
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        io.awssso.cli.agent.AgentAutoStart.maybeStart(args); // issue 14: the next call is answered by the agent
        Optional<Answer> answer = cached(args);
        if (answer.isEmpty()) {
            Main.main(args);
            return;
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        out.print(answer.get().json());
        out.flush();
        markCacheHit();
        // Without an engine, success returns from main: on Java 21+ System.exit looks up a
        // System.Logger for the exit event, which costs this path milliseconds. An engine's store
        // backend may have left threads behind (a D-Bus connection), so that case exits.
        if (out.checkError() || answer.get().engineBuilt()) {
            System.exit(out.checkError() ? 1 : 0);
        }
    }

    /**
     * Tells the launcher that this run was a cache hit, when it asks ({@value #HIT_MARKER_PROPERTY}
     * names a file to create): a launcher recording the classes a run loads keeps the recording
     * only from a hit, the run it exists to speed up; a miss loads the SDK and the command tree
     * instead, and a hit mapping that would be slower than one mapping nothing.
     */
    private static void markCacheHit() {
        String marker = System.getProperty(HIT_MARKER_PROPERTY);
        if (marker != null && !marker.isEmpty()) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(marker), new byte[0]);
            } catch (java.io.IOException | RuntimeException e) {
                // the recording is then dropped and made again on the next run: only speed is at stake
            }
        }
    }

    /**
     * The credential_process document to print, and whether an engine was built to find it.
     *
     * @param json the document
     * @param engineBuilt true when the engine answered (the store is not {@code json})
     */
    record Answer(String json, boolean engineBuilt) {
        /** Without the document: it holds the secret key and session token. */
        @Override
        public String toString() {
            return "Answer[engineBuilt=" + engineBuilt + "]";
        }
    }

    /** What to print, or empty when the full tool must run. */
    static Optional<Answer> cached(String[] args) {
        String arn = null;
        String account = null;
        String role = null;
        String config = null;
        String sso = null;
        boolean sawProcess = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (a.equals("process") && !sawProcess) {
                sawProcess = true;
                continue;
            }
            if (!name.equals("-a") && !name.equals("--arn") && !name.equals("-A") && !name.equals("--account")
                    && !name.equals("-R") && !name.equals("--role") && !name.equals("-S") && !name.equals("--sso")
                    && !name.equals("--config")) {
                return Optional.empty();
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return Optional.empty();
                }
                value = args[++i];
            }
            switch (name) {
                case "-a", "--arn" -> arn = value;
                case "-A", "--account" -> account = value;
                case "-R", "--role" -> role = value;
                case "-S", "--sso" -> sso = value;
                default -> config = value;
            }
        }
        if (!sawProcess) {
            return Optional.empty();
        }
        try {
            RoleArn selected;
            if (arn != null) {
                selected = AwsSso.roleByArn(arn);
            } else if (account != null && role != null) {
                selected = AwsSso.roleByAccount(account, role);
            } else {
                return Optional.empty();
            }
            AwsSso.Builder builder = AwsSso.builder().configFile(config).ssoInstance(sso);
            Optional<RoleCredentials> quick = builder.storedCredentialsWithoutEngine(selected);
            if (quick.isPresent()) {
                // no lambda (see CredentialProcessJson)
                return Optional.of(new Answer(CredentialProcessJson.of(quick.get()), false));
            }
            Console console = System.console();
            try (AwsSso engine = builder
                    .passwordPrompt(console == null ? null : prompt -> console.readPassword("%s: ", prompt))
                    .build()) {
                return engine.cachedCredentials(selected).map(c -> new Answer(CredentialProcessJson.of(c), true));
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // the full tool reports it, with its exit codes
        }
    }
}
