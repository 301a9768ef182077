package io.awssso.stores.kwallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny KWallet daemon for tests, exported on a private D-Bus session bus under
 * {@code org.kde.kwalletd5} at {@code /modules/kwalletd5}: one wallet {@code kdewallet} of folders of
 * stream (bytes) and password (text) entries, handles that must have been opened, and a log of the calls it received. It
 * speaks the real D-Bus protocol, so the store's calls, argument types and answers are checked on
 * the wire; what it does not have is KWallet's encryption and prompts.
 */
public final class FakeKWallet implements KWalletApi {

    private final Map<String, Map<String, Object>> folders = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Integer> openHandles = new ArrayList<>();
    private int nextHandle = 7;
    private boolean refuseOpen;
    private volatile java.util.concurrent.CountDownLatch hang;

    @Override
    public String getObjectPath() {
        return "/modules/kwalletd5";
    }

    @Override
    public synchronized String networkWallet() {
        calls.add("networkWallet");
        return "kdewallet";
    }

    @Override
    public Integer open(String wallet, Long wId, String appid) {
        java.util.concurrent.CountDownLatch h = hang;
        if (h != null) {
            try {
                // A daemon stuck (say, behind a password dialog nobody sees) until the test releases it.
                h.await(5, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return openNow(wallet, appid);
    }

    private synchronized Integer openNow(String wallet, String appid) {
        calls.add("open " + wallet + " " + appid);
        if (refuseOpen || !"kdewallet".equals(wallet)) {
            return -1;
        }
        int h = nextHandle++;
        openHandles.add(h);
        return h;
    }

    @Override
    public synchronized Integer close(Integer handle, Boolean force, String appid) {
        calls.add("close");
        openHandles.remove(handle);
        return 0;
    }

    private void check(Integer handle, String appid) {
        if (!openHandles.contains(handle) || !"aws-sso-cli".equals(appid)) {
            throw new IllegalStateException("handle " + handle + " is not open for " + appid);
        }
    }

    @Override
    public synchronized Boolean hasFolder(Integer handle, String folder, String appid) {
        check(handle, appid);
        return folders.containsKey(folder);
    }

    @Override
    public synchronized Boolean createFolder(Integer handle, String folder, String appid) {
        check(handle, appid);
        calls.add("createFolder " + folder);
        folders.putIfAbsent(folder, new HashMap<>());
        return true;
    }

    @Override
    public synchronized Boolean hasEntry(Integer handle, String folder, String key, String appid) {
        check(handle, appid);
        return folders.getOrDefault(folder, Map.of()).containsKey(key);
    }

    @Override
    public synchronized Integer entryType(Integer handle, String folder, String key, String appid) {
        check(handle, appid);
        Object v = folders.getOrDefault(folder, Map.of()).get(key);
        return v instanceof String ? 1 : v instanceof byte[] ? 2 : 0;
    }

    @Override
    public synchronized byte[] readEntry(Integer handle, String folder, String key, String appid) {
        check(handle, appid);
        Object v = folders.getOrDefault(folder, Map.of()).get(key);
        return v instanceof byte[] b ? b.clone() : new byte[0];
    }

    @Override
    public synchronized String readPassword(Integer handle, String folder, String key, String appid) {
        check(handle, appid);
        Object v = folders.getOrDefault(folder, Map.of()).get(key);
        return v instanceof String text ? text : "";
    }

    @Override
    public synchronized Integer writeEntry(Integer handle, String folder, String key, byte[] value, String appid) {
        check(handle, appid);
        Map<String, Object> entries = folders.get(folder);
        if (entries == null) {
            return -1; // as KWallet: no implicit folders
        }
        calls.add("writeEntry " + folder + " " + key);
        entries.put(key, value.clone());
        return 0;
    }

    /** A stream entry's bytes, or a password entry's text. */
    synchronized Object entry(String folder, String key) {
        Object v = folders.getOrDefault(folder, Map.of()).get(key);
        return v instanceof byte[] b ? b.clone() : v;
    }

    /** Stores a stream entry ({@code byte[]}) or a password entry ({@code String}). */
    synchronized void put(String folder, String key, Object value) {
        folders.computeIfAbsent(folder, f -> new HashMap<>()).put(key, value);
    }

    synchronized void clear() {
        folders.clear();
        calls.clear();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    void hangOpen() {
        hang = new java.util.concurrent.CountDownLatch(1);
    }

    void release() {
        java.util.concurrent.CountDownLatch h = hang;
        hang = null;
        if (h != null) {
            h.countDown();
        }
    }

    synchronized void refuseOpen(boolean refuse) {
        this.refuseOpen = refuse;
    }
}
