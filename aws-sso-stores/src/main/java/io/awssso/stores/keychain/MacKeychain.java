package io.awssso.stores.keychain;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.awssso.api.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The user's default keychain through JNA and Security.framework's generic-password functions
 * ({@code SecKeychainFindGenericPassword}, {@code SecKeychainAddGenericPassword},
 * {@code SecKeychainItemModifyAttributesAndData}, {@code SecKeychainItemDelete}). These take plain C
 * strings and buffers, so no CoreFoundation dictionaries are needed, and the secret goes straight
 * from this process to the keychain: unlike {@code security add-generic-password -w <data>}, it never
 * appears in a process list, and unlike {@code security -i} it is not cut at 4096 bytes per line.
 * Loaded only when first used, so other systems never touch Security.framework.
 */
final class MacKeychain implements Keychain {

    private static final int ERR_SEC_ITEM_NOT_FOUND = -25300;
    private static final int ERR_SEC_INTERACTION_NOT_ALLOWED = -25308;
    private static final int ERR_SEC_AUTH_FAILED = -25293;
    private static final int ERR_SEC_USER_CANCELED = -128;

    /** The functions of Security.framework used here. */
    public interface Security extends Library {
        int SecKeychainFindGenericPassword(Pointer keychainOrArray, int serviceNameLength, byte[] serviceName,
                int accountNameLength, byte[] accountName, IntByReference passwordLength,
                PointerByReference passwordData, PointerByReference itemRef);

        int SecKeychainAddGenericPassword(Pointer keychain, int serviceNameLength, byte[] serviceName,
                int accountNameLength, byte[] accountName, int passwordLength, byte[] passwordData,
                PointerByReference itemRef);

        int SecKeychainItemModifyAttributesAndData(Pointer itemRef, Pointer attrList, int length, byte[] data);

        int SecKeychainItemFreeContent(Pointer attrList, Pointer data);

        int SecKeychainItemDelete(Pointer itemRef);
    }

    /** CoreFoundation's reference counting. */
    public interface CoreFoundation extends Library {
        void CFRelease(Pointer ref);
    }

    private final Security security;
    private final CoreFoundation coreFoundation;

    MacKeychain() {
        try {
            this.security = Native.load("Security", Security.class);
            this.coreFoundation = Native.load("CoreFoundation", CoreFoundation.class);
        } catch (UnsatisfiedLinkError e) {
            throw new StoreUnavailableException("cannot load Security.framework for the keychain store: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> find(String service, String account) {
        byte[] s = service.getBytes(StandardCharsets.UTF_8);
        byte[] a = account.getBytes(StandardCharsets.UTF_8);
        IntByReference length = new IntByReference();
        PointerByReference data = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, s.length, s, a.length, a, length, data, null);
        if (status == ERR_SEC_ITEM_NOT_FOUND) {
            return Optional.empty();
        }
        check(status, "reading", service, account);
        try {
            return Optional.of(length.getValue() == 0 ? new byte[0] : data.getValue().getByteArray(0, length.getValue()));
        } finally {
            security.SecKeychainItemFreeContent(null, data.getValue());
        }
    }

    @Override
    public void save(String service, String account, byte[] bytes) {
        byte[] s = service.getBytes(StandardCharsets.UTF_8);
        byte[] a = account.getBytes(StandardCharsets.UTF_8);
        PointerByReference item = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, s.length, s, a.length, a, null, null, item);
        if (status == ERR_SEC_ITEM_NOT_FOUND) {
            check(security.SecKeychainAddGenericPassword(null, s.length, s, a.length, a, bytes.length, bytes, null),
                    "adding", service, account);
            return;
        }
        check(status, "finding", service, account);
        try {
            check(security.SecKeychainItemModifyAttributesAndData(item.getValue(), null, bytes.length, bytes),
                    "updating", service, account);
        } finally {
            coreFoundation.CFRelease(item.getValue());
        }
    }

    @Override
    public boolean delete(String service, String account) {
        byte[] s = service.getBytes(StandardCharsets.UTF_8);
        byte[] a = account.getBytes(StandardCharsets.UTF_8);
        PointerByReference item = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, s.length, s, a.length, a, null, null, item);
        if (status == ERR_SEC_ITEM_NOT_FOUND) {
            return false;
        }
        check(status, "finding", service, account);
        try {
            check(security.SecKeychainItemDelete(item.getValue()), "deleting", service, account);
            return true;
        } finally {
            coreFoundation.CFRelease(item.getValue());
        }
    }

    private static void check(int status, String action, String service, String account) {
        if (status == 0) {
            return;
        }
        String why = switch (status) {
            case ERR_SEC_INTERACTION_NOT_ALLOWED -> "the keychain is locked and cannot ask for its password here";
            case ERR_SEC_AUTH_FAILED, ERR_SEC_USER_CANCELED -> "access was refused or cancelled";
            default -> "OSStatus " + status;
        };
        throw new StoreUnavailableException(action + " the keychain item " + service + "/" + account + " failed: "
                + why + "; unlock the login keychain (or allow aws-sso access in Keychain Access) and try again");
    }
}
