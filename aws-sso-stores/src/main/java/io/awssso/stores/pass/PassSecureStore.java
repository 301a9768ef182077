package io.awssso.stores.pass;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.ExternalProgram;
import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code pass} store: the entry {@code aws-sso-cli-records} ({@code <store>/aws-sso-cli-records.gpg})
 * holds the keyring item JSON, written with {@code pass insert -m -f} and read with
 * {@code pass show}, so gpg, gpg-agent and the user's pass setup (git, recipients) apply.
 */
final class PassSecureStore extends KeyringSecureStore {

    private final PassCommand pass;
    private final Path storeDirectory;

    /**
     * The last decrypted entry and the stamp its file had before: a store kept open (the agent's)
     * runs gpg again only when the entry's file changed. Guarded by {@code this}.
     */
    private EntryStamp lastStamp;
    private byte[] lastData;

    private final Clock clock;

    PassSecureStore(PassCommand pass, Path storeDirectory, StorageLock lock, Clock clock) {
        super(lock);
        this.pass = pass;
        this.storeDirectory = storeDirectory;
        this.clock = clock;
    }

    @Override
    public String name() {
        return PassSecureStoreProvider.NAME;
    }

    @Override
    protected String location() {
        return entryFile().toString();
    }

    private Path entryFile() {
        return storeDirectory.resolve(KeyringItem.KEY + ".gpg");
    }

    @Override
    protected byte[] loadData() {
        Optional<EntryStamp> stamp = EntryStamp.of(entryFile());
        if (stamp.isEmpty()) {
            return null;
        }
        // Taken before the decryption: a change after it gives a new stamp, so the next read
        // decrypts again even if this one already saw the new contents.
        boolean settled = stamp.get().settled(clock.instant());
        synchronized (this) {
            if (settled && stamp.get().equals(lastStamp)) {
                return lastData.clone();
            }
        }
        byte[] data = decrypt();
        synchronized (this) {
            lastStamp = settled ? stamp.get() : null;
            lastData = settled ? data.clone() : null;
        }
        return data;
    }

    private byte[] decrypt() {
        ExternalProgram.Result r = pass.run(null, "show", KeyringItem.KEY);
        if (r.exitCode() != 0) {
            throw new StoreUnavailableException("pass show " + KeyringItem.KEY + " failed (exit "
                    + r.exitCode() + "): " + r.stderr() + "; nothing was changed");
        }
        try {
            return KeyringItem.unwrap(r.stdout());
        } catch (IOException e) {
            throw new StoreUnavailableException("the pass entry " + KeyringItem.KEY + " in " + storeDirectory
                    + " is not an aws-sso record (" + e.getMessage() + "); nothing was changed");
        }
    }

    @Override
    protected void saveData(byte[] storageDataJson, boolean creating) {
        synchronized (this) {
            lastStamp = null; // the file changes now; its stamp tells the next read anyway
            lastData = null;
        }
        ExternalProgram.Result r = pass.run(KeyringItem.wrap(storageDataJson), "insert", "-m", "-f", KeyringItem.KEY);
        if (r.exitCode() != 0) {
            throw new StoreUnavailableException("pass insert " + KeyringItem.KEY + " failed (exit "
                    + r.exitCode() + "): " + r.stderr());
        }
    }
}
