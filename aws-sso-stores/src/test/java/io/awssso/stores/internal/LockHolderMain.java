package io.awssso.stores.internal;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child JVM by {@link StorageLockTest}: takes an OS lock on a file the way another aws-sso
 * process would, says so on stdout, and holds it until killed.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean shared = args.length > 1 && args[1].equals("shared");
        FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        ch.lock(0, Long.MAX_VALUE, shared);
        System.out.println("locked " + ProcessHandle.current().pid());
        System.out.flush();
        // Hold the lock until the test kills us (or closes our stdin).
        while (System.in.read() >= 0) {
            // keep waiting
        }
    }
}
