package io.awssso.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionTest {
    @Test
    void ofRegion_regionNames_giveTheirPartition() {
        assertThat(Partition.ofRegion("us-east-1")).isEqualTo(Partition.AWS);
        assertThat(Partition.ofRegion("cn-northwest-1")).isEqualTo(Partition.AWS_CN);
        assertThat(Partition.ofRegion("us-gov-west-1")).isEqualTo(Partition.AWS_US_GOV);
        assertThat(Partition.ofRegion("eusc-de-east-1")).isEqualTo(Partition.AWS_EUSC);
        assertThat(Partition.ofRegion("US-GOV-EAST-1")).isEqualTo(Partition.AWS_US_GOV);
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
