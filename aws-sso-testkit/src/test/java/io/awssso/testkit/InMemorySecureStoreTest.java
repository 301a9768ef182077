package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import org.junit.jupiter.api.Test;

class InMemorySecureStoreTest extends SecureStoreCompatibilityKit {

    @Override
    protected SecureStore createStore() {
        return InMemorySecureStore.create();
    }

    @Test
    void name_always_isMemory() {
        assertThat(store().name()).isEqualTo("memory");
    }

    @Test
    void of_initialContents_areReadBack() {
        StoredSecrets initial = everything();

        assertThat(InMemorySecureStore.of(initial).read()).isEqualTo(initial);
    }
}
