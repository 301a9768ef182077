package io.awssso.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test
    void urlActions_areEveryActionTheConfigAccepts_inTheReferenceOrder() {
        assertThat(Vocabulary.urlActions()).containsExactly("open", "print", "printurl", "clip", "ansi-osc52",
                "exec", "open-url-in-container", "granted-containers");
    }

    @Test
    void listPrefixFields_areEveryFieldButTheExpiryOnes() {
        assertThat(Vocabulary.listPrefixFields())
                .containsExactlyElementsOf(Vocabulary.listFields().keySet().stream()
                        .filter(f -> !f.startsWith("Expires")).toList())
                .contains("Profile", "AccountId", "Arn");
    }
}
