package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.cli.Main;
import io.awssso.core.AwsSso;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs one {@code process} command line both ways, in this JVM: the launcher's fast path
 * ({@link ProcessFastPath#cached}) and the full tool ({@link Main#run}), on the same files and
 * environment, for ProcessFastPathParityTest.
 */
final class ProcessFastPathCliParity {
    /** What the full tool did. */
    record Full(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stderr\n" + err;
        }
    }

    /** What the fast path did: its answer (empty: it stepped aside) and its messages on stderr. */
    record Fast(Optional<ProcessFastPath.Answer> answer, String err) {
    }

    private ProcessFastPathCliParity() {
    }

    static Fast fast(Map<String, String> environment, Path home, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AwsSso.Builder builder = AwsSso.builder().environment(environment, home)
                .userMessages(new PrintStream(err, true, StandardCharsets.UTF_8));
        Optional<ProcessFastPath.Answer> answer = ProcessFastPath.cached(args, builder);
        return new Fast(answer, err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs the full tool. Its log lines go to {@code System.err}, as in a process of its own, so
     * that is captured too.
     */
    static synchronized Full full(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        int code;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(errStream);
            code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), errStream, environment, args);
        } finally {
            System.setErr(systemErr);
        }
        // The test JVM's logger was set up before the tool's run and adds the thread and logger
        // names ("[main] WARN io.awssso...Store - text"), which the tool's own set-up leaves out.
        String messages = err.toString(StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\[[^\\]]*\\] ([A-Z]+) [\\w.$]+ - ", "$1 ");
        return new Full(code, out.toString(StandardCharsets.UTF_8), messages);
    }

    /** Asserts that the fast path, where it answered, printed exactly what the full tool prints. */
    static void assertSame(Fast fast, Full full, String context) {
        assertThat(full.exitCode()).as("exit code of the full tool where the fast path answered: %s\n%s",
                context, full).isZero();
        assertThat(fast.answer().orElseThrow().json()).as("stdout: %s", context).isEqualTo(full.out());
        assertThat(withoutStoreWarning(fast.err())).as("stderr: %s", context)
                .isEqualTo(withoutStoreWarning(full.err()));
    }

    /**
     * Stderr without the json store's warning. The full tool logs it through SLF4J, whose set-up in
     * a test JVM is the first test's, not the tool's (in its own process the tool logs it at the
     * default level, as the fast path prints it; ProcessFastPathTest and ProcessIT check that).
     */
    private static String withoutStoreWarning(String err) {
        return err.replaceAll("(?m)^WARN Using insecure json file store .*; see SecureStore in config\\R", "");
    }

    /** Stores role credentials through the real {@code file} store backend (as aws-sso does). */
    static void storeInFileStore(Path configDirectory, Map<String, String> environment, RoleArn arn,
            RoleCredentials credentials) {
        // Tests run on the module path; this module does not itself look stores up.
        ProcessFastPathCliParity.class.getModule().addUses(SecureStoreProvider.class);
        for (SecureStoreProvider p : ServiceLoader.load(SecureStoreProvider.class)) {
            if (p.name().equals("file")) {
                try (SecureStore store = p.create(new StoreContext(configDirectory, Map.of(), environment, null))) {
                    store.update(s -> s.withCredentials(arn, credentials));
                }
                return;
            }
        }
        throw new AssertionError("the file store backend is not on the test path");
    }
}
