package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleInfo;

/** The hostile directory reaches a real SDK client byte for byte. */
class HostileDirectoryTest {
    private static final Path CANARY = Path.of("/tmp/hostile-canary/pwned");

    @Test
    void withCanary_pathThatPayloadsCannotCarry_isRejected() {
        assertThatThrownBy(() -> HostileDirectory.withCanary(Path.of("relative")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> HostileDirectory.withCanary(Path.of("/tmp/with space")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strings_coverEveryKindOfHostileText() {
        List<String> strings = HostileDirectory.withCanary(CANARY).strings();

        assertThat(strings).anyMatch(s -> s.contains("$(")).anyMatch(s -> s.contains("`"))
                .anyMatch(s -> s.contains(";")).anyMatch(s -> s.contains("*")).anyMatch(s -> s.contains("\n"))
                .anyMatch(s -> s.contains("\r")).anyMatch(s -> s.contains("\0")).anyMatch(s -> s.contains("\u001b]0;"))
                .anyMatch(s -> s.contains("\u001b[")).anyMatch(s -> s.contains("\u202e"))
                .anyMatch(s -> s.length() >= 2000);
        for (char quote : "'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e".toCharArray()) {
            assertThat(strings).as("quote U+%04X", (int) quote).anyMatch(s -> s.indexOf(quote) >= 0);
        }
        assertThat(strings).allMatch(s -> !s.contains("touch") || s.contains(CANARY.toString()));
    }

    @Test
    void hostileDirectory_servedThroughTheRealPortalClient_namesEmailsAndRolesArriveByteForByte() {
        HostileDirectory hostile = HostileDirectory.withCanary(CANARY);
        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder().hostileDirectory(hostile).build().start();
                SsoClient portal = Sdk.portal(emulator.endpoint())) {
            String token = emulator.signIn().accessToken();

            List<AccountInfo> accounts = portal.listAccountsPaginator(r -> r.accessToken(token)).accountList()
                    .stream().toList();
            List<RoleInfo> roles = portal.listAccountRolesPaginator(r -> r.accessToken(token)
                    .accountId(HostileDirectory.FIRST_ACCOUNT_ID)).roleList().stream().toList();

            assertThat(accounts).extracting(AccountInfo::accountName).containsExactlyElementsOf(hostile.strings());
            assertThat(accounts.get(0).emailAddress()).isEqualTo(hostile.strings().get(1));
            assertThat(roles).extracting(RoleInfo::roleName).contains(HostileDirectory.PLAIN_ROLE)
                    .containsAll(hostile.roleNames());
            assertThat(hostile.roleNames()).noneMatch(r -> r.contains(":"));
        }
    }
}
