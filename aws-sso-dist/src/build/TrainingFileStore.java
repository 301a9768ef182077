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
 * Writes obviously unreal role credentials into the {@code file} store of a throwaway config
 * directory through the real backend, for the class-data archive's training run of a {@code file}
 * store hit (runtime-image.sh). Run as a source file with the install's jars on the class path:
 * {@code java -cp <jars> TrainingFileStore.java CONFIG_DIR ARN EXPIRATION_MILLIS}, the password in
 * {@code AWS_SSO_FILE_PASSWORD}.
 */
public class TrainingFileStore {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        RoleArn arn = RoleArn.parse(args[1]);
        RoleCredentials credentials = new RoleCredentials(arn, "ASIATRAINING", "x", "x",
                Instant.ofEpochMilli(Long.parseLong(args[2])), false);
        for (SecureStoreProvider provider : ServiceLoader.load(SecureStoreProvider.class)) {
            if (provider.name().equals("file")) {
                try (SecureStore store = provider.create(new StoreContext(dir, Map.of(), System.getenv(), null))) {
                    store.update(s -> s.withCredentials(arn, credentials));
                }
                return;
            }
        }
        throw new IllegalStateException("no file store among the install's jars");
    }
}
