package io.awssso.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wizard's start-URL check is the loader's rule, without its forgiveness. */
class ConfigSetupStartUrlTest {
    @Test
    void startUrlProblem_portalUrl_isFine() {
        assertThat(ConfigSetup.startUrlProblem("https://d-1234567890.awsapps.com/start")).isEmpty();
        assertThat(ConfigSetup.startUrlProblem("http://127.0.0.1:9/start/")).isEmpty();
    }

    @Test
    void startUrlProblem_everyLoopbackTheLoaderAccepts_isAcceptedToo() {
        // the wizard once knew only ::1 and 127.x.x.x without range checks
        assertThat(ConfigSetup.startUrlProblem("http://[0:0:0:0:0:0:0:1]:9/start")).isEmpty();
        assertThat(ConfigSetup.startUrlProblem("http://LOCALHOST:9/start")).isEmpty();
        assertThat(ConfigSetup.startUrlProblem("http://10.0.0.1:9/start")).get().asString()
                .startsWith("the start URL must use https");
    }

    @Test
    void startUrlProblem_anotherPath_isRefused_asAwsSsoClisWizardDoes() {
        assertThat(ConfigSetup.startUrlProblem("https://d-1.awsapps.com/directory/x")).get().asString()
                .isEqualTo("the start URL must look like https://d-1234567890.awsapps.com/start,"
                        + " got 'https://d-1.awsapps.com/directory/x'");
        assertThat(ConfigSetup.startUrlProblem("d-1.awsapps.com/start")).get().asString()
                .startsWith("the start URL must be an https URL like");
    }
}
