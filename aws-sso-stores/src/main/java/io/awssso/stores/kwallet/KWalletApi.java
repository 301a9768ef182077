package io.awssso.stores.kwallet;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/**
 * The methods of KWallet's D-Bus interface {@code org.kde.KWallet} (served by {@code kwalletd5} at
 * {@code /modules/kwalletd5}, and by {@code kwalletd6} at {@code /modules/kwalletd6}) that this
 * backend calls. Numbers and flags are boxed because dbus-java's asynchronous calls look methods up
 * by the classes of their arguments.
 */
@DBusInterfaceName("org.kde.KWallet")
public interface KWalletApi extends DBusInterface {

    /** The wallet for network passwords ({@code kdewallet} unless the user changed it). */
    String networkWallet();

    /** Opens {@code wallet} for {@code appid}, maybe asking the user; a handle, or -1 when refused. */
    Integer open(String wallet, Long wId, String appid);

    /** Closes the handle. */
    Integer close(Integer handle, Boolean force, String appid);

    Boolean hasFolder(Integer handle, String folder, String appid);

    Boolean createFolder(Integer handle, String folder, String appid);

    Boolean hasEntry(Integer handle, String folder, String key, String appid);

    /** The entry's type: 1 password, 2 stream (bytes), 3 map; 0 unknown. */
    Integer entryType(Integer handle, String folder, String key, String appid);

    /** A stream entry's bytes. */
    byte[] readEntry(Integer handle, String folder, String key, String appid);

    /** A password entry's text. */
    String readPassword(Integer handle, String folder, String key, String appid);

    /** Writes a stream entry; 0 on success. */
    Integer writeEntry(Integer handle, String folder, String key, byte[] value, String appid);
}
