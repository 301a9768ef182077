package io.awssso.stores.wincred;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.util.List;

/**
 * The {@code wincred} store: the {@code StorageData} JSON split over generic Windows credentials
 * {@code aws-sso-cli:aws-sso-cli:aws-sso-cli-records_<n>} as {@link CredentialChunks} describes.
 *
 * <p>Chunks are written last first, so that chunk 0 (whose header says how many chunks count)
 * is replaced only when the others are in place, and chunks left over from a longer value are
 * deleted afterwards. The Credential Manager has no transactions, so a process killed in the middle
 * of a write can still leave a mix that fails the length check; it is reported as unreadable, never
 * read as other data.
 */
final class WinCredSecureStore extends KeyringSecureStore {

    private final CredentialTable table;

    WinCredSecureStore(CredentialTable table, StorageLock lock) {
        super(lock);
        this.table = table;
    }

    @Override
    public String name() {
        return WinCredSecureStoreProvider.NAME;
    }

    @Override
    protected String location() {
        return "Windows credentials " + CredentialChunks.TARGET_PREFIX + "<n>";
    }

    @Override
    protected byte[] loadData() {
        try {
            return CredentialChunks.join(n -> table.read(CredentialChunks.target(n))).orElse(null);
        } catch (IOException e) {
            throw new StoreUnavailableException("the " + location() + " do not hold a whole aws-sso record ("
                    + e.getMessage() + "); nothing was changed");
        }
    }

    @Override
    protected void saveData(byte[] storageDataJson, boolean creating) {
        List<byte[]> chunks = CredentialChunks.split(storageDataJson);
        for (int n = chunks.size() - 1; n >= 0; n--) {
            table.write(CredentialChunks.target(n), CredentialChunks.userName(n), chunks.get(n));
        }
        for (int n = chunks.size(); table.delete(CredentialChunks.target(n)); n++) {
            // a longer earlier value left this chunk; keep deleting until the first missing one
        }
    }
}
