package io.awssso.stores.keychain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A keychain in memory standing in for Security.framework (tests only; this machine is not a Mac):
 * generic passwords keyed by service and account, data copied in and out, shared by every store
 * opened over it as the user's login keychain is.
 */
final class InMemoryKeychain implements Keychain {

    private final Map<String, byte[]> items = new HashMap<>();

    private static String key(String service, String account) {
        return service + "\u0000" + account;
    }

    @Override
    public synchronized Optional<byte[]> find(String service, String account) {
        return Optional.ofNullable(items.get(key(service, account))).map(byte[]::clone);
    }

    @Override
    public synchronized void save(String service, String account, byte[] data) {
        items.put(key(service, account), data.clone());
    }

    @Override
    public synchronized boolean delete(String service, String account) {
        return items.remove(key(service, account)) != null;
    }

    synchronized Map<String, byte[]> items() {
        return Map.copyOf(items);
    }
}
