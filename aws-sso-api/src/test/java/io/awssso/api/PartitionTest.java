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
}
