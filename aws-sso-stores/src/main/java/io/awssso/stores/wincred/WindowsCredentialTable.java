package io.awssso.stores.wincred;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import io.awssso.api.StoreUnavailableException;
import java.util.Optional;

/**
 * The Credential Manager of Windows through JNA: {@code CredReadW}, {@code CredWriteW},
 * {@code CredDeleteW} and {@code CredFree} of {@code advapi32.dll} on generic credentials persisted
 * for the local machine (the user's profile, roaming excluded), as aws-sso-cli's keyring library
 * writes them. Loaded only when first used, so other systems never touch {@code advapi32}.
 */
final class WindowsCredentialTable implements CredentialTable {

    private static final int CRED_TYPE_GENERIC = 1;
    private static final int CRED_PERSIST_LOCAL_MACHINE = 2;
    private static final int ERROR_NOT_FOUND = 1168;

    /** The functions of {@code advapi32.dll} used here. */
    interface Advapi32 extends StdCallLibrary {
        boolean CredReadW(WString targetName, int type, int flags, PointerByReference credential)
                throws LastErrorException;

        boolean CredWriteW(Credential credential, int flags) throws LastErrorException;

        boolean CredDeleteW(WString targetName, int type, int flags) throws LastErrorException;

        void CredFree(Pointer buffer);
    }

    /** {@code CREDENTIALW}. */
    @Structure.FieldOrder({"Flags", "Type", "TargetName", "Comment", "LastWrittenLow", "LastWrittenHigh",
            "CredentialBlobSize", "CredentialBlob", "Persist", "AttributeCount", "Attributes", "TargetAlias",
            "UserName"})
    public static class Credential extends Structure {
        public int Flags;
        public int Type;
        public WString TargetName;
        public WString Comment;
        public int LastWrittenLow;
        public int LastWrittenHigh;
        public int CredentialBlobSize;
        public Pointer CredentialBlob;
        public int Persist;
        public int AttributeCount;
        public Pointer Attributes;
        public WString TargetAlias;
        public WString UserName;

        public Credential() {
        }

        public Credential(Pointer p) {
            super(p);
            read();
        }
    }

    private final Advapi32 api;

    WindowsCredentialTable() {
        try {
            this.api = Native.load("Advapi32", Advapi32.class, W32APIOptions.DEFAULT_OPTIONS);
        } catch (UnsatisfiedLinkError e) {
            throw new StoreUnavailableException("cannot load advapi32.dll for the wincred store: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String target) {
        PointerByReference out = new PointerByReference();
        try {
            api.CredReadW(new WString(target), CRED_TYPE_GENERIC, 0, out);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ERROR_NOT_FOUND) {
                return Optional.empty();
            }
            throw failed("CredRead", target, e);
        }
        try {
            Credential c = new Credential(out.getValue());
            return Optional.of(c.CredentialBlobSize == 0 || c.CredentialBlob == null ? new byte[0]
                    : c.CredentialBlob.getByteArray(0, c.CredentialBlobSize));
        } finally {
            api.CredFree(out.getValue());
        }
    }

    @Override
    public void write(String target, String userName, byte[] blob) {
        Credential c = new Credential();
        c.Type = CRED_TYPE_GENERIC;
        c.TargetName = new WString(target);
        c.UserName = new WString(userName);
        c.Persist = CRED_PERSIST_LOCAL_MACHINE;
        c.CredentialBlobSize = blob.length;
        Memory memory = null;
        if (blob.length > 0) {
            memory = new Memory(blob.length);
            memory.write(0, blob, 0, blob.length);
        }
        c.CredentialBlob = memory;
        try {
            api.CredWriteW(c, 0);
        } catch (LastErrorException e) {
            throw failed("CredWrite", target, e);
        } finally {
            if (memory != null) {
                memory.clear();
                memory.close();
            }
        }
    }

    @Override
    public boolean delete(String target) {
        try {
            return api.CredDeleteW(new WString(target), CRED_TYPE_GENERIC, 0);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ERROR_NOT_FOUND) {
                return false;
            }
            throw failed("CredDelete", target, e);
        }
    }

    private static StoreUnavailableException failed(String call, String target, LastErrorException e) {
        return new StoreUnavailableException(call + " of the Windows credential " + target + " failed (error "
                + e.getErrorCode() + ")", e);
    }
}
