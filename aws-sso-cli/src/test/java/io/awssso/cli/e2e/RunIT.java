package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code aws-sso run} through {@code ./aws-sso}: one command across 200 accounts whose
 * GetRoleCredentials IAM Identity Center limits to 20 per second (a token bucket of 20).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunIT {
    private static final int ACCOUNTS = 200;
    private static final Pattern LINE = Pattern.compile("\\[(\\d{12}):ReadOnly\\] (.*)");
    private static CliHarness h;

    static String account(int i) {
        return String.format("%012d", 10_000 + i);
    }

    @BeforeAll
    static void start() throws Exception {
        h = CliHarness.start(b -> {
            for (int i = 0; i < ACCOUNTS; i++) {
                b.addAccount(account(i), "acct-" + i, "acct-" + i + "@example.com", "ReadOnly", "Admin");
            }
            b.rateLimit(Operation.GET_ROLE_CREDENTIALS, 20, 20);
        });
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: json")
                + "ProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n");
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @BeforeEach
    void clearCallLog() {
        h.emulator().clearCallLog();
    }

    /** The accounts printed by lines {@code [<account>:ReadOnly] <text>}, checking each line's text is its own id. */
    private static List<String> accountsEchoed(String stdout) {
        return stdout.lines().map(l -> {
            Matcher m = LINE.matcher(l);
            assertThat(m.matches()).as("line '%s'", l).isTrue();
            assertThat(m.group(2)).as("line '%s'", l).isEqualTo(m.group(1));
            return m.group(1);
        }).toList();
    }

    @Test
    @Order(1) // before any other test stores credentials of some roles
    void run_everyAccountThrottledCredentials_eachPrintsItsOwnIdOnce_thenOneFailureNamed() throws Exception {
        Result r = h.run("run", "--role", "ReadOnly", "--", "sh", "-c", "echo $AWS_SSO_ACCOUNT_ID");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<String> echoed = accountsEchoed(r.out());
        assertThat(echoed).hasSize(ACCOUNTS);
        assertThat(new HashSet<>(echoed)).isEqualTo(IntStream.range(0, ACCOUNTS).mapToObj(RunIT::account)
                .collect(Collectors.toSet()));
        assertThat(h.emulator().calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(ACCOUNTS);
        assertThat(h.emulator().calls(Operation.GET_ROLE_CREDENTIALS).stream().filter(Call::succeeded)
                .map(c -> c.parameters().get(Call.ACCOUNT_ID)).collect(Collectors.toSet())).hasSize(ACCOUNTS);
        // the summary: a row per role with exit code 0 and seconds, on stderr only
        assertThat(r.err().lines().filter(l -> l.matches("\\d{12}:ReadOnly +0 +\\d+\\.\\d\\d"))).hasSize(ACCOUNTS);
        assertThat(r.out()).doesNotContain("SECONDS");

        // again, the credentials stored: one role's command fails
        h.emulator().clearCallLog();
        String failing = account(107);
        Result f = h.run("run", "--role", "ReadOnly", "--", "sh", "-c",
                "echo $AWS_SSO_ACCOUNT_ID; [ $AWS_SSO_ACCOUNT_ID != " + failing + " ] || exit 3");

        assertThat(f.exitCode()).as("%s", f).isEqualTo(1);
        assertThat(accountsEchoed(f.out())).hasSize(ACCOUNTS);
        assertThat(f.err()).contains("error: 1 of 200 runs failed: " + failing + ":ReadOnly");
        assertThat(f.err().lines().filter(l -> l.matches(failing + ":ReadOnly +3 +\\d+\\.\\d\\d"))).hasSize(1);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isZero();
    }

    @Test
    void run_filters_onlyMatchingRolesRun_stdoutAndStderrApart() throws Exception {
        Result r = h.run("run", "--filter", "AccountAlias=acct-1?", "--filter", "AccountAlias=acct-3",
                "--filter", "RoleName=Admin", "--parallel", "3", "--", "sh", "-c",
                "echo out $AWS_SSO_ROLE_NAME; echo err $AWS_SSO_ACCOUNT_ID >&2");

        assertThat(r.exitCode()).as("%s", r).isZero();
        Set<String> expected = new HashSet<>();
        for (int i : new int[] {3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}) {
            expected.add(account(i));
        }
        assertThat(r.out().lines().collect(Collectors.toSet())).isEqualTo(expected.stream()
                .map(a -> "[" + a + ":Admin] out Admin").collect(Collectors.toSet()));
        assertThat(r.err().lines().filter(l -> l.contains("] err "))).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(a -> "[" + a + ":Admin] err " + a).toList());
    }

    @Test
    void run_outputJson_oneObjectPerRoleAndLine() throws Exception {
        Result r = h.run("run", "--filter", "AccountAlias=acct-4?", "--role", "ReadOnly", "--output", "json", "--",
                "sh", "-c", "printf 'a \"quoted\"\\n'; echo oops >&2; exit $((${AWS_SSO_ACCOUNT_ID#0000000100} % 2))");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        List<Map<String, Object>> objects = r.out().lines().map(RunIT::parse).toList();
        assertThat(objects).hasSize(10);
        for (Map<String, Object> o : objects) {
            String id = (String) o.get("accountId");
            int expectedExit = Integer.parseInt(id.substring(10)) % 2;
            assertThat(o).containsEntry("profile", id + ":ReadOnly").containsEntry("roleName", "ReadOnly")
                    .containsEntry("arn", "arn:aws:iam::" + id + ":role/ReadOnly")
                    .containsEntry("status", expectedExit == 0 ? "succeeded" : "failed")
                    .containsEntry("exitCode", expectedExit).containsEntry("stdout", "a \"quoted\"\n")
                    .containsEntry("stderr", "oops\n").containsKey("seconds");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(line, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }

    @Test
    void run_sigint_noNewRunsAndRunningCommandsEnded() throws Exception {
        Path pids = Files.createDirectories(h.home().resolve("pids"));
        CliHarness.Running running = h.start(Map.of(), "run", "--role", "ReadOnly", "--parallel", "2", "--", "sh",
                "-c", "echo $$ > " + pids + "/$AWS_SSO_ACCOUNT_ID; exec sleep 300");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (listPids(pids).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> started = listPids(pids);
        assertThat(started).hasSize(2);

        new ProcessBuilder("kill", "-INT", Long.toString(running.pid())).start().waitFor();
        Result r = running.await();

        assertThat(r.exitCode()).as("%s", r).isEqualTo(130);
        assertThat(listPids(pids)).hasSize(2); // no run started after Ctrl-C
        for (long pid : started) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d", pid).isFalse();
        }
        assertThat(r.err()).contains("interrupted: 200 of 200 runs cancelled"); // 2 ended, 198 never started
    }

    private static List<Long> listPids(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> {
                try {
                    String s = Files.readString(f).strip();
                    return s.isEmpty() ? null : Long.parseLong(s);
                } catch (java.io.IOException e) {
                    return null;
                }
            }).filter(java.util.Objects::nonNull).toList();
        }
    }

    @Test
    void run_noRoleMatches_exit5NamingTheFilter() throws Exception {
        Result r = h.run("run", "--filter", "Env=nowhere", "--", "true");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(5);
        assertThat(r.err()).contains("no role matches Env=nowhere");
        assertThat(r.out()).isEmpty();
    }
}
