package io.awssso.stores.file;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.AtomicFiles;
import io.awssso.api.internal.io.BoundedFiles;
import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code file} store: {@code <cfg>/secure/aws-sso-cli-records}, one JWE compact token
 * ({@code PBES2-HS256+A128KW}, {@code A256GCM}, protected header {@code created}) whose plaintext is
 * the keyring item JSON holding the {@code StorageData} blob, exactly as aws-sso-cli writes it.
 *
 * <p>The password comes from {@code AWS_SSO_FILE_PASSWORD}, else from the prompt (twice when the
 * file is created). It is asked for only when the file must be decrypted or created, and kept for
 * the life of this instance once it has opened the file, as is the key derived from it
 * ({@link DerivedKeys}: derived once, not for every read and write). A wrong password fails with a
 * {@link StoreUnavailableException} and changes nothing.
 */
final class EncryptedFileSecureStore extends KeyringSecureStore {

    /** The environment variable holding the password. */
    static final String PASSWORD_VARIABLE = "AWS_SSO_FILE_PASSWORD";
    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS '+0000 UTC'");

    private final Path file;
    private final Map<String, String> environment;
    private final StoreContext.PasswordPrompt prompt;
    private final Clock clock;
    private final DerivedKeys keys;
    private char[] password;

    EncryptedFileSecureStore(Path file, StorageLock lock, Map<String, String> environment,
            StoreContext.PasswordPrompt prompt, Clock clock) {
        this(file, lock, environment, prompt, clock, new DerivedKeys());
    }

    /** @param keys the key derived from the password, kept for this store's life (tests count derivations) */
    EncryptedFileSecureStore(Path file, StorageLock lock, Map<String, String> environment,
            StoreContext.PasswordPrompt prompt, Clock clock, DerivedKeys keys) {
        super(lock);
        this.keys = keys;
        this.file = file.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.prompt = prompt;
        this.clock = clock;
    }

    @Override
    public String name() {
        return EncryptedFileSecureStoreProvider.NAME;
    }

    @Override
    protected String location() {
        return file.toString();
    }

    /** The store file. */
    Path file() {
        return file;
    }

    @Override
    protected byte[] loadData() {
        byte[] token;
        try {
            token = BoundedFiles.read(file, BoundedFiles.MAX_STATE_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        } catch (BoundedFiles.NotRegularFileException | BoundedFiles.FileTooLargeException e) {
            throw new StoreUnavailableException("cannot read the file store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read the file store " + file + ": " + e, e);
        }
        char[] pw = password(false);
        byte[] item;
        try {
            item = Jwe.decrypt(new String(token, StandardCharsets.US_ASCII), pw, System::nanoTime, keys);
        } catch (Jwe.WrongPasswordException e) {
            forgetPassword();
            throw new StoreUnavailableException("the password " + passwordSource()
                    + " does not open the file store " + file + "; nothing was changed");
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open the file store " + file + ": "
                    + e.getMessage() + "; nothing was changed");
        }
        try {
            return KeyringItem.unwrap(item);
        } catch (IOException e) {
            throw new StoreUnavailableException("the file store " + file + " decrypts, but "
                    + e.getMessage() + "; nothing was changed");
        }
    }

    @Override
    protected void saveData(byte[] storageDataJson, boolean creating) {
        char[] pw = password(creating);
        String created = GO_TIME.format(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        String token = Jwe.encrypt(KeyringItem.wrap(storageDataJson), pw, Jwe.WRITE_ITERATIONS,
                Map.of("created", created), keys);
        try {
            AtomicFiles.deleteStaleTemps(file);
            AtomicFiles.write(file, token.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write the file store " + file + ": " + e, e);
        }
    }

    private String passwordSource() {
        return environment.containsKey(PASSWORD_VARIABLE) ? "in $" + PASSWORD_VARIABLE : "entered";
    }

    private synchronized void forgetPassword() {
        keys.clear();
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    /** The password: cached, from the environment, or asked for (twice when creating the file). */
    private synchronized char[] password(boolean creating) {
        if (password != null) {
            return password.clone();
        }
        String fromEnv = environment.get(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            password = fromEnv.toCharArray();
            return password.clone();
        }
        if (prompt == null) {
            throw new StoreUnavailableException("the file store " + file + " needs a password and there is"
                    + " no terminal to ask for it; set " + PASSWORD_VARIABLE + " (or choose another"
                    + " SecureStore in config)");
        }
        char[] first = prompt.ask(creating ? "Select password" : "Password");
        if (first == null || first.length == 0) {
            throw new StoreUnavailableException("an empty password is not allowed for the file store " + file);
        }
        if (creating) {
            char[] second = prompt.ask("Verify password");
            boolean same = second != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new StoreUnavailableException("the passwords did not match; the file store " + file
                        + " was not created");
            }
        }
        password = first;
        return password.clone();
    }

    @Override
    public void close() {
        forgetPassword();
    }
}
