package io.awssso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleArnTest {
    @Test
    void parse_roleWithAPath_keepsTheFullNameSoTheArnRoundTrips() {
        RoleArn arn = RoleArn.parse("arn:aws:iam::000000000042:role/team/ops/Deploy");

        assertThat(arn.roleName()).isEqualTo("team/ops/Deploy");
        assertThat(arn).hasToString("arn:aws:iam::000000000042:role/team/ops/Deploy");
        assertThat(RoleArn.parse(RoleArn.of(AccountId.parse("42"), "a/b").toString()).roleName()).isEqualTo("a/b");
    }

    @Test
    void parse_shortForm_andPlainName() {
        assertThat(RoleArn.parse("42:Admin")).isEqualTo(RoleArn.of(AccountId.parse("42"), "Admin"));
        assertThat(RoleArn.parse("arn:aws-cn:iam::000000000042:role/Admin").partition()).isEqualTo("aws-cn");
    }

    @Test
    void parse_colonInTheName_isRejected() {
        assertThatThrownBy(() -> RoleArn.parse("arn:aws:iam::000000000042:role/a:b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid role ARN");
    }

    @Test
    void parse_nameEndingInALineBreakOrSeparator_keepsIt_spacesAroundTheTextGo() {
        assertThat(RoleArn.parse(" arn:aws:iam::000000000042:role/x\n\u2029\t").roleName()).isEqualTo("x\n\u2029");
        assertThat(RoleArn.parse("arn:aws:iam::000000000042:role/x \u2029").roleName()).isEqualTo("x \u2029");
    }
}
