package io.awssso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionTest {
    @Test
    void ofRegion_prefixes_pickThePartition() {
        assertThat(Partition.ofRegion("cn-north-1")).isEqualTo(Partition.AWS_CN);
        assertThat(Partition.ofRegion("cn-northwest-1").id()).isEqualTo("aws-cn");
        assertThat(Partition.ofRegion("us-gov-west-1").id()).isEqualTo("aws-us-gov");
        assertThat(Partition.ofRegion("eusc-de-east-1").id()).isEqualTo("aws-eusc");
        assertThat(Partition.ofRegion("US-GOV-EAST-1")).isEqualTo(Partition.AWS_US_GOV);
    }

    @Test
    void ofRegion_anyOtherRegion_isCommercial() {
        assertThat(Partition.ofRegion("us-east-1")).isEqualTo(Partition.AWS);
        assertThat(Partition.ofRegion("ap-southeast-7").id()).isEqualTo("aws");
        // "us-" alone is not GovCloud, nor is a name merely containing "cn"
        assertThat(Partition.ofRegion("us-west-2")).isEqualTo(Partition.AWS);
        assertThat(Partition.ofRegion("ap-cn-1")).isEqualTo(Partition.AWS);
        assertThat(Partition.ofRegion("")).isEqualTo(Partition.AWS);
    }

    @Test
    void ofRegion_null_isRefused() {
        assertThatThrownBy(() -> Partition.ofRegion(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("region");
    }

    @Test
    void ids_areWhatRoleArnsCarry() {
        for (Partition p : Partition.values()) {
            RoleArn arn = RoleArn.parse("arn:" + p.id() + ":iam::000000000042:role/Admin");
            assertThat(arn.partition()).isEqualTo(p.id());
        }
    }

    @Test
    void of_partitionAndRole_arnCarriesThePartitionId() {
        RoleArn arn = RoleArn.of(Partition.ofRegion("cn-north-1"), AccountId.parse("12"), "Admin");

        assertThat(arn).hasToString("arn:aws-cn:iam::000000000012:role/Admin");
        assertThat(RoleArn.parse(arn.toString())).isEqualTo(arn);
    }

    @Test
    void roleCredentials_roleInGovCloud_roleArnKeepsThePartition() {
        RoleArn gov = RoleArn.parse("arn:aws-us-gov:iam::012345678901:role/Deploy");

        RoleCredentials c = new RoleCredentials(gov, "AK", "SK", "ST", java.time.Instant.EPOCH, false);

        assertThat(c.roleArn()).isEqualTo(gov);
        assertThat(c.accountId().value()).isEqualTo("012345678901");
        assertThat(c.roleName()).isEqualTo("Deploy");
    }
}
