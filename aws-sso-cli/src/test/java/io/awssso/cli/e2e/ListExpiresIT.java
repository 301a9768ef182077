package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code Expires} column of {@code ./aws-sso list} as aws-sso-cli prints it: time left
 * right-aligned to 7 characters, {@code Expired} for credentials that ran out and for roles
 * without any.
 */
class ListExpiresIT {
    private static final String LIVE = "arn:aws:iam::000000000042:role/Developer";
    private static final String STALE = "arn:aws:iam::000000000042:role/ReadOnlyAccess";

    private CliHarness h;

    @BeforeEach
    void start() throws Exception {
        // 2h 5m 59s: the row reads " 2h  5m" for the first 59 seconds after the fetch
        h = CliHarness.start(b -> b.roleCredentialsLifetime(Duration.ofMinutes(125).plusSeconds(59))
                .addAccount("000000000042", "sandbox", "sandbox@example.com", "Developer", "ReadOnlyAccess")
                .addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess"));
        assertThat(h.run("login").exitCode()).isZero();
        assertThat(h.run("process", "--arn", LIVE).exitCode()).isZero();
        assertThat(h.run("process", "--arn", STALE).exitCode()).isZero();
        expireInCache(42, "ReadOnlyAccess", Instant.now().minusSeconds(60));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    /** Sets a role's {@code Expires} in cache.json, as a credential that ran out leaves it. */
    private void expireInCache(long account, String role, Instant at) throws Exception {
        Path cache = h.configDirectory().resolve("cache.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(cache.toFile());
        ObjectNode r = (ObjectNode) root.path("SSO").path("Default").path("Roles").path("Accounts")
                .path(Long.toString(account)).path("Roles").path(role);
        assertThat(r.path("Expires").asLong()).as("Expires recorded by process").isPositive();
        r.put("Expires", at.getEpochSecond());
        Files.writeString(cache, json.writeValueAsString(root));
    }

    @Test
    void list_expiresColumn_rightAlignedTimeLeftOrExpired() throws Exception {
        Result r = h.run("list", "Arn", "Expires");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "Arn" + " ".repeat(47) + " | Expires",
                "=".repeat(60),
                LIVE + " ".repeat(10) + " |  2h  5m",
                STALE + " ".repeat(5) + " | Expired",
                "arn:aws:iam::012345678901:role/AdministratorAccess | Expired");
    }

    @Test
    void list_inThisJvm_sameCells() throws Exception {
        Result r = h.runInJvm("list", "--csv", "RoleName", "Expires");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).containsExactlyInAnyOrder("Developer, 2h  5m",
                "ReadOnlyAccess,Expired", "AdministratorAccess,Expired");
    }

    @Test
    void list_csv_keepsTheSevenCharacterCells() throws Exception {
        Result r = h.run("list", "--csv", "RoleName", "Expires", "ExpiresEpoch");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).hasSize(3)
                .anyMatch(l -> l.matches("Developer, 2h  5m,\\d{10}"))
                .contains("ReadOnlyAccess,Expired,0", "AdministratorAccess,Expired,0");
    }
}
