package io.awssso.api.spi;

import java.util.ServiceLoader;

/** {@link FileLocks#installed()}, looked up once by its first caller (the holder-class idiom). */
final class InstalledFileLocks {
    static final FileLocks LOCKS = ServiceLoader.load(FileLocks.class, FileLocks.class.getClassLoader())
            .findFirst().orElseThrow(() -> new IllegalStateException(
                    "no FileLocks implementation found; put aws-sso-core on the class or module path"));

    private InstalledFileLocks() {
    }
}
