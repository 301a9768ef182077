package io.awssso.cli.command;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.AwsSso;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's {@code process} path, for the agent: the stored-credentials answer that
 * {@link ProcessFastPath} gives before it would run the full tool, for the request's environment
 * instead of this process's. The agent runs the same two steps as a JVM started by the launcher
 * (this, then {@code Main}), so its answers and messages are that path's. The arguments it takes
 * are exactly {@link ProcessFastPath#cached}'s; {@code AgentParityTest} holds the two to the engine.
 */
public final class ProcessAnswers {
    private ProcessAnswers() {
    }

    /**
     * The credential_process document, or empty when the full tool must run.
     *
     * @param args the command line
     * @param environment the caller's variables
     * @param home the caller's home directory
     * @param userMessages the caller's stderr (the json store's warning goes there)
     */
    public static Optional<String> fromStore(String[] args, Map<String, String> environment, Path home,
            PrintStream userMessages) {
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
            AwsSso.Builder builder = AwsSso.builder().configFile(config).ssoInstance(sso)
                    .environment(environment, home).userMessages(userMessages);
            Optional<RoleCredentials> quick = builder.storedCredentialsWithoutEngine(selected);
            if (quick.isPresent()) {
                return Optional.of(CredentialProcessJson.of(quick.get()));
            }
            try (AwsSso engine = builder.build()) {
                return engine.cachedCredentials(selected).map(CredentialProcessJson::of);
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // the full tool reports it, with its exit codes
        }
    }
}
