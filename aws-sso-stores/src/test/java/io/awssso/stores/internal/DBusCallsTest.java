package io.awssso.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DBusCallsTest {

    @TempDir
    Path dir;

    @Test
    void sessionBusAddress_fromEnvironment_isTheUnixPathOne() {
        assertThat(DBusCalls.sessionBusAddress(Map.of("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/run/user/1000/bus,guid=abc"))).contains("unix:path=/run/user/1000/bus,guid=abc");
    }

    @Test
    void sessionBusAddress_severalAddresses_picksTheFirstUnixPath() {
        assertThat(DBusCalls.sessionBusAddress(Map.of("DBUS_SESSION_BUS_ADDRESS",
                "unix:abstract=/tmp/dbus-x;unix:path=/tmp/bus")))
                .contains("unix:path=/tmp/bus");
    }

    @Test
    void sessionBusAddress_onlyAbstractSocket_isEmpty() {
        // The JDK's unix sockets cannot reach Linux's abstract namespace.
        assertThat(DBusCalls.sessionBusAddress(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:abstract=/tmp/dbus-x")))
                .isEmpty();
    }

    @Test
    void sessionBusAddress_noVariableButSystemdUserBus_usesIt() throws Exception {
        Files.createFile(dir.resolve("bus"));

        assertThat(DBusCalls.sessionBusAddress(Map.of("XDG_RUNTIME_DIR", dir.toString())))
                .contains("unix:path=" + dir.resolve("bus"));
    }

    @Test
    void sessionBusAddress_nothing_isEmpty() {
        assertThat(DBusCalls.sessionBusAddress(Map.of("XDG_RUNTIME_DIR", dir.toString()))).isEmpty();
        assertThat(DBusCalls.sessionBusAddress(Map.of())).isEmpty();
    }

    @Test
    void paths_ofListsArraysAndVariants_areFlattened() {
        assertThat(DBusCalls.paths(new Variant<>(List.of("/a", "/b"), "as"))).containsExactly("/a", "/b");
        assertThat(DBusCalls.paths(new DBusPath[] {new DBusPath("/c")})).containsExactly("/c");
        assertThat(DBusCalls.paths(null)).isEmpty();
    }
}
