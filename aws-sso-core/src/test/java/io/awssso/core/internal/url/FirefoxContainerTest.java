package io.awssso.core.internal.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.core.internal.config.UrlAction;
import org.junit.jupiter.api.Test;

class FirefoxContainerTest {

    @Test
    void wrap_openUrlInContainer_usesTheAddOnsUrlForm() {
        FirefoxContainer c = new FirefoxContainer("prod admin", "Red", "briefcase");

        assertThat(c.wrap(UrlAction.OPEN_URL_IN_CONTAINER, "https://x.example/a?b=c&d=e"))
                .isEqualTo("ext+container:name=prod+admin&url=https%3A%2F%2Fx.example%2Fa%3Fb%3Dc%26d%3De"
                        + "&color=red&icon=briefcase");
    }

    @Test
    void wrap_grantedContainers_usesGrantedScheme() {
        FirefoxContainer c = new FirefoxContainer("Default", "blue", "fingerprint");

        assertThat(c.wrap(UrlAction.GRANTED_CONTAINERS, "https://x"))
                .startsWith("ext+granted-containers:name=Default&url=https%3A%2F%2Fx&color=blue");
    }

    @Test
    void constructor_invalidColorAndIcon_pickTheSameValidOnesForTheSameName() {
        FirefoxContainer a = new FirefoxContainer("Sandbox", "mauve", null);
        FirefoxContainer b = new FirefoxContainer("Sandbox", "", "rocket");

        assertThat(a.color()).isIn(FirefoxContainer.COLORS).isEqualTo(b.color());
        assertThat(a.icon()).isIn(FirefoxContainer.ICONS).isEqualTo(b.icon());
        // "Sandbox" bytes sum to 719 -> 719 % 256 = 207 -> 207 % 8 = 7 (purple), 207 % 12 = 3 (cart)
        assertThat(a.color()).isEqualTo("purple");
        assertThat(a.icon()).isEqualTo("cart");
    }

    @Test
    void wrap_nonContainerAction_isRefused() {
        assertThatThrownBy(() -> new FirefoxContainer("x", null, null).wrap(UrlAction.OPEN, "u"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
