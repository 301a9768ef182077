package io.awssso.cli.agent;

import io.awssso.core.AwsSso;
import java.time.Duration;

/**
 * The config's agent keys.
 *
 * @param enabled {@code Agent} (default true)
 * @param idleTimeout {@code AgentIdleTimeout} (default 1 h)
 * @param autoLogin {@code AutoLogin}
 */
record AgentSettings(boolean enabled, Duration idleTimeout, boolean autoLogin) {
    static AgentSettings of(AwsSso sso) {
        return new AgentSettings(sso.agentEnabled(), sso.agentIdleTimeout(), sso.autoLogin());
    }
}
