package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessFastPathTest {
    private static final String ARN = "arn:aws:iam::012345678901:role/AdministratorAccess";

    @Test
    void cached_anythingButAPlainRoleSelection_leftToTheFullTool() {
        assertThat(ProcessFastPath.cached(new String[] {"process", "--sts-refresh", "--arn", ARN})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"-L", "debug", "process", "--arn", ARN})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"process", "--help"})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"process", "--arn"})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"process", "-A", "012345678901"})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"exec", "--arn", ARN})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"process", "--arn", "not-an-arn"})).isEmpty();
    }

    @Test
    void cached_whatPicocliWouldRefuseOrReadOtherwise_leftToTheFullTool() {
        // an option given twice is a usage error there
        assertThat(ProcessFastPath.cached(new String[] {"process", "--arn", ARN, "-a", ARN})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"process", "-p", "a", "--profile=b"})).isEmpty();
        // a value that looks like an option
        assertThat(ProcessFastPath.cached(new String[] {"process", "-A", "-R", "-R", "Admin"})).isEmpty();
        // --profile with another selector: the full tool's priorities decide
        assertThat(ProcessFastPath.cached(new String[] {"process", "-p", "prod", "--arn", ARN})).isEmpty();
        assertThat(ProcessFastPath.cached(new String[] {"process", "--profile", ""})).isEmpty();
    }

    @Test
    void answer_toString_leavesTheCredentialsOut() {
        ProcessFastPath.Answer a = new ProcessFastPath.Answer("{\"SecretAccessKey\":\"s3cr3t\"}", false);

        assertThat(a.toString()).doesNotContain("s3cr3t").contains("engineBuilt=false");
    }
}
