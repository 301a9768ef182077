package io.awssso.stores;

import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ServiceLoader;

/**
 * Run in a child JVM by {@link CrashSafetyTest}: opens a store by backend name and rewrites it as
 * fast as it can until killed. Each update keeps the invariant "there are
 * {@code EcsBearerToken + 1} role credentials", so a reader can tell a whole store from a torn one.
 */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        String backend = args[0];
        Path cfg = Path.of(args[1]);
        SecureStoreProvider provider = ServiceLoader.load(SecureStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(backend)).findFirst()
                .orElseThrow();
        SecureStore store = provider.create(new StoreContext(cfg, java.util.Map.of(), System.getenv(), null));
        boolean announced = false;
        while (true) {
            store.update(s -> {
                int n = s.ecsBearerToken() == null ? 0 : Integer.parseInt(s.ecsBearerToken()) + 1;
                RoleArn role = RoleArn.of(AccountId.of(n), "Role" + n);
                return s.withEcsBearerToken(Integer.toString(n)).withCredentials(role,
                        new RoleCredentials(role, "AK" + n, "SK" + n,
                                "ST".repeat(500) + n, Instant.ofEpochMilli(n), false));
            });
            if (!announced) {
                System.out.println("writing");
                System.out.flush();
                announced = true;
            }
        }
    }
}
