package io.awssso.stores.wincred;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the JNA binding without Windows: the {@code CREDENTIALW} structure has the
 * layout of the Windows SDK on 64-bit systems (JNA computes it the same way for every 64-bit
 * platform), so the native calls see the fields where they expect them.
 */
class WindowsCredentialTableTest {

    /** Exposes the protected offsets. */
    static final class Layout extends WindowsCredentialTable.Credential {
        int offset(String field) {
            return fieldOffset(field);
        }
    }

    @Test
    void credentialStructure_on64Bit_hasTheSdkLayout() {
        Assumptions.assumeTrue(Native.POINTER_SIZE == 8, "a 32-bit JVM");
        Layout layout = new Layout();

        assertThat(layout.size()).isEqualTo(80);
        assertThat(layout.offset("TargetName")).isEqualTo(8);
        assertThat(layout.offset("LastWrittenLow")).isEqualTo(24);
        assertThat(layout.offset("CredentialBlobSize")).isEqualTo(32);
        assertThat(layout.offset("CredentialBlob")).isEqualTo(40);
        assertThat(layout.offset("Persist")).isEqualTo(48);
        assertThat(layout.offset("Attributes")).isEqualTo(56);
        assertThat(layout.offset("UserName")).isEqualTo(72);
    }
}
