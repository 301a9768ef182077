package io.awssso.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import io.awssso.core.Console;
import io.awssso.api.RoleArn;
import io.awssso.core.AwsSso;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleCallerRoleTest {
    @Test
    void callerRole_identityCenterRole_isThePermissionSetName() {
        assertThat(ConsoleService.callerRole("arn:aws:sts::012345678901:assumed-role/"
                + "AWSReservedSSO_Power_User_0a1b2c3d4e5f6a7b/alice@example.com"))
                .isEqualTo(RoleArn.parse("arn:aws:iam::012345678901:role/Power_User"));
    }

    @Test
    void callerRole_otherRole_isItsName() {
        assertThat(ConsoleService.callerRole("arn:aws:sts::000000000123:assumed-role/DeployRole/Admin@012345678901"))
                .isEqualTo(RoleArn.parse("arn:aws:iam::000000000123:role/DeployRole"));
    }

    @Test
    void callerRole_user_isRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ConsoleService.callerRole("arn:aws:iam::012345678901:user/bob"))
                .isInstanceOf(AwsSsoException.class).hasMessageContaining("user/bob").hasMessageNotContaining("--");
    }

    @Test
    void environmentSelectsRole_needsAllThreeCredentialsOrAProfile() {
        assertThat(Console.environmentSelectsRole(Map.of("AWS_PROFILE", "p"))).isTrue();
        assertThat(Console.environmentSelectsRole(Map.of("AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "s", "AWS_SESSION_TOKEN", "t"))).isTrue();
        assertThat(Console.environmentSelectsRole(Map.of("AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "s"))).isFalse();
        assertThat(Console.environmentSelectsRole(Map.of("AWS_PROFILE", ""))).isFalse();
    }
}
