package io.awssso.core.internal.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackHostsTest {
    @Test
    void isLoopback_literalsOnly_neverNamesThatNeedDns() {
        assertThat(LoopbackHosts.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoopbackHosts.isLoopback("127.255.0.9")).isTrue();
        assertThat(LoopbackHosts.isLoopback("LOCALHOST")).isTrue();
        assertThat(LoopbackHosts.isLoopback("[::1]")).isTrue();
        assertThat(LoopbackHosts.isLoopback("::1")).isTrue();
        assertThat(LoopbackHosts.isLoopback("[0:0:0:0:0:0:0:1]")).isTrue();
        assertThat(LoopbackHosts.isLoopback("127.0.0.256")).isFalse();
        assertThat(LoopbackHosts.isLoopback("127.0.0")).isFalse();
        assertThat(LoopbackHosts.isLoopback("999.1.1.1")).isFalse();
        assertThat(LoopbackHosts.isLoopback("10.0.0.1")).isFalse();
        assertThat(LoopbackHosts.isLoopback("[::2]")).isFalse();
        assertThat(LoopbackHosts.isLoopback("localhost.example.com")).isFalse();
    }
}
