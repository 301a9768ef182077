package io.awssso.core.internal.fastpath;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Security;
import javax.crypto.Cipher;

/**
 * The two JDK ciphers that open the {@code file} store (AES key unwrap and AES-GCM), looked up on a
 * thread of their own while the key is derived. In a fresh JVM the first {@link Cipher} lookup is
 * the larger part of a {@code file} store hit: the JCA reads its security properties, loads the
 * providers ahead of SunJCE (on Java 17 SunEC, found by a ServiceLoader that loads every provider
 * module), and its jurisdiction policy; making its {@code http} URL then scans every jar on the
 * class path for URL handler providers. None of it needs the password, so it overlaps the key
 * derivation and the caller's config parse instead of following them; and the class-path scan, which
 * needs nothing of the rest, runs on a thread of its own beside the provider start-up (the JDK keeps
 * the handler it finds, so the JCA's own lookup then costs nothing: the work moves, none is added).
 *
 * <p>A daemon thread: when the store is not wanted after all, it is left to end (or to be cut short
 * by the JVM's exit).
 */
final class StoreCiphers extends Thread {
    private final boolean ahead;
    /** The class-path scan under way on another thread, or null. */
    private final Thread httpHandlerLookup;
    private boolean done;
    private Cipher unwrap;
    private Cipher gcm;
    private GeneralSecurityException failure;
    private RuntimeException error;

    private StoreCiphers(boolean ahead, Thread httpHandlerLookup) {
        super("aws-sso file store ciphers");
        setDaemon(true);
        this.ahead = ahead;
        this.httpHandlerLookup = httpHandlerLookup;
    }

    /** The lookup, started now on its own thread. */
    static StoreCiphers lookUpAhead() {
        HttpHandlerLookup http = new HttpHandlerLookup();
        http.start();
        StoreCiphers ciphers = new StoreCiphers(true, http);
        ciphers.start();
        return ciphers;
    }

    /** The lookup, done on the caller's thread when a cipher is first asked for. */
    static StoreCiphers lookUpWhenNeeded() {
        return new StoreCiphers(false, null);
    }

    @Override
    public void run() {
        try {
            if (httpHandlerLookup != null) {
                // The providers up to SunJCE (what the first lookup loads before JceSecurity) while
                // the other thread scans the class path; then, with the handler found, JceSecurity's
                // URL is free. Without the wait a loaded machine could have both threads scan.
                Security.getProvider("SunJCE");
                httpHandlerLookup.join();
            }
            unwrap = Cipher.getInstance("AESWrap");
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new GeneralSecurityException("interrupted while looking up the ciphers", e);
        } catch (RuntimeException e) {
            error = e;
        }
    }

    /** The AES key unwrap cipher (RFC 3394), not yet initialised. */
    Cipher unwrap() throws GeneralSecurityException {
        await();
        return unwrap;
    }

    /** The AES-GCM cipher, not yet initialised. */
    Cipher gcm() throws GeneralSecurityException {
        await();
        return gcm;
    }

    /** Waits for the lookup (join() makes its writes visible here), or does it now. */
    private void await() throws GeneralSecurityException {
        if (!ahead) {
            if (!done) {
                done = true;
                run();
            }
        } else {
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GeneralSecurityException("interrupted while looking up the ciphers", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (error != null) {
            throw error;
        }
    }

    /**
     * Makes an {@code http} URL, as {@code javax.crypto.JceSecurity}'s initialisation does: the first
     * one looks for URL handler providers in every jar of the class path (ServiceLoader), and the JDK
     * keeps the handler it then picks for every later URL of that protocol. Nothing connects.
     */
    private static final class HttpHandlerLookup extends Thread {
        HttpHandlerLookup() {
            super("aws-sso http handler lookup");
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                URI.create("http://localhost/").toURL();
            } catch (MalformedURLException | RuntimeException e) {
                // only speed is at stake: the JCA makes its URL itself
            }
        }
    }
}
