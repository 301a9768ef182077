package io.awssso.cli.command;

import io.awssso.api.AccountId;
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
 * the {@code json} store, and the {@code file} store with {@code AWS_SSO_FILE_PASSWORD}, it does
 * not even build the engine ({@link AwsSso.Builder#storedCredentialsWithoutEngine}, and for
 * {@code --profile} {@link AwsSso.Builder#storedProfileCredentialsWithoutEngine}, which resolves
 * the name from the role cache); with another store it asks an engine that opens only config and
 * store ({@link io.awssso.core.Credentials#stored}). In every other case (a flag it does not know, a
 * profile it cannot resolve for sure, {@code --sts-refresh}, no stored credentials, any error) it
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
        // The json store's warning is a WARN log line of the full tool: not printed when the JVM
        // was told a level above it (-Dorg.slf4j.simpleLogger.defaultLogLevel=error or off).
        String level = System.getProperty("org.slf4j.simpleLogger.defaultLogLevel");
        boolean warnings = level.equalsIgnoreCase("warn") || level.equalsIgnoreCase("info")
                || level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace");
        Optional<Answer> answer = cached(args, warnings ? AwsSso.builder()
                : AwsSso.builder().userMessages(new PrintStream(java.io.OutputStream.nullOutputStream())));
        if (answer.isEmpty()) {
            // issue 14: the next call is answered by the agent (a miss is slow anyway)
            io.awssso.cli.agent.AgentAutoStart.maybeStart(args);
            Main.main(args);
            return;
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        out.print(answer.get().json());
        out.flush();
        markCacheHit();
        // after the answer, so that starting the agent does not delay it
        io.awssso.cli.agent.AgentAutoStart.maybeStart(args);
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
        return cached(args, AwsSso.builder());
    }

    /**
     * What to print, or empty when the full tool must run; {@code builder} carries what the
     * command line does not (tests give it an environment and a clock).
     */
    static Optional<Answer> cached(String[] args, AwsSso.Builder builder) {
        return cached(args, builder, null);
    }

    /**
     * Where the engine step finds its engine, when not a new one per call: the agent keeps its
     * engines (config read, secure store open) across requests.
     */
    public interface Engines {
        /**
         * The stored credentials of {@code role}, from an engine built by {@code builder} for the
         * command line's {@code --config} and {@code -S/--sso} (either may be null), or a kept one
         * built the same way.
         */
        Optional<RoleCredentials> stored(AwsSso.Builder builder, String config, String sso, RoleArn role);
    }

    /**
     * {@link #cached(String[], AwsSso.Builder)}, with the engine step's engine from {@code engines}
     * (null: a new engine, closed after).
     */
    static Optional<Answer> cached(String[] args, AwsSso.Builder builder, Engines engines) {
        String arn = null;
        String account = null;
        String role = null;
        String profile = null;
        String config = null;
        String sso = null;
        boolean sawProcess = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
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
            String option = switch (name) {
                case "-a", "--arn" -> "arn";
                case "-A", "--account" -> "account";
                case "-R", "--role" -> "role";
                case "-p", "--profile" -> "profile";
                case "-S", "--sso" -> "sso";
                case "--config" -> "config";
                default -> null;
            };
            // picocli refuses an option given twice: the full tool must say so
            if (option == null || !seen.add(option)) {
                return Optional.empty();
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return Optional.empty();
                }
                value = args[++i];
                if (value.startsWith("-")) {
                    return Optional.empty(); // picocli may read it as the next option
                }
            }
            switch (option) {
                case "arn" -> arn = value;
                case "account" -> account = value;
                case "role" -> role = value;
                case "profile" -> profile = value;
                case "sso" -> sso = value;
                default -> config = value;
            }
        }
        if (!sawProcess) {
            return Optional.empty();
        }
        try {
            builder.configFile(config).ssoInstance(sso);
            if (profile != null) {
                // --profile wins over the other selectors in the full tool; alone it is plain
                if (arn != null || account != null || role != null) {
                    return Optional.empty();
                }
                // No engine fallback here: the engine's catalog may refresh the role cache, which
                // is the full tool's work (with its messages), not a cache hit's.
                Optional<RoleCredentials> byProfile = builder.storedProfileCredentialsWithoutEngine(profile);
                // no lambda (see CredentialProcessJson)
                return byProfile.isPresent() ? Optional.of(new Answer(CredentialProcessJson.of(byProfile.get()), false))
                        : Optional.empty();
            }
            RoleArn selected;
            if (arn != null) {
                selected = RoleArn.parse(arn);
            } else if (account != null && role != null) {
                selected = RoleArn.of(AccountId.parse(account), role);
            } else {
                return Optional.empty();
            }
            Optional<RoleCredentials> quick = builder.storedCredentialsWithoutEngine(selected);
            if (quick.isPresent()) {
                // no lambda (see CredentialProcessJson)
                return Optional.of(new Answer(CredentialProcessJson.of(quick.get()), false));
            }
            Console console = System.console();
            builder.passwordPrompt(console == null ? null : prompt -> console.readPassword("%s: ", prompt));
            if (engines != null) {
                return engines.stored(builder, config, sso, selected).map(c -> new Answer(CredentialProcessJson.of(c), true));
            }
            try (AwsSso engine = builder.build()) {
                return engine.credentials().stored(selected).map(c -> new Answer(CredentialProcessJson.of(c), true));
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // the full tool reports it, with its exit codes
        }
    }
}
