package io.awssso.api;

/** Helpers for keeping secrets out of text. Not part of the supported API. */
final class Secrets {
    private Secrets() {
    }

    static String mask(String secret) {
        return secret == null ? "null" : "****";
    }
}
