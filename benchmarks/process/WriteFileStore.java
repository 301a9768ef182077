import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Writes role credentials into the {@code file} store of a config directory through the real
 * backend (as {@code aws-sso} itself stores them), for run-process-benchmark.sh.
 * Usage: java -cp <cli jar>:<lib>/* WriteFileStore.java CONFIG_DIR ARN EXPIRATION_MILLIS
 * (the password comes from AWS_SSO_FILE_PASSWORD).
 */
public class WriteFileStore {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        RoleArn arn = RoleArn.parse(args[1]);
        RoleCredentials creds = new RoleCredentials(arn, "ASIAEXAMPLEEXAMPLE01",
                "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0", "dG9rZW50b2tlbnRva2VudG9rZW4=",
                Instant.ofEpochMilli(Long.parseLong(args[2])), false);
        for (SecureStoreProvider p : ServiceLoader.load(SecureStoreProvider.class)) {
            if (p.name().equals("file")) {
                StoreContext context = new StoreContext(dir, Map.of(), System.getenv(), null);
                try (SecureStore store = p.create(context)) {
                    store.update(s -> s.withCredentials(arn, creds));
                }
                return;
            }
        }
        throw new IllegalStateException("no file store on the class path");
    }
}
