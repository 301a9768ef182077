package io.awssso.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts an {@link IdentityCenterEmulator} and stops it afterwards, and
 * resolves test and lifecycle method parameters of type {@link IdentityCenterEmulator}.
 *
 * <p>In a {@code static} {@code @RegisterExtension} field, or with
 * {@code @ExtendWith(IdentityCenterEmulatorExtension.class)}, one emulator serves the whole test class
 * (nested classes included); in an instance field every test gets a fresh emulator:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final IdentityCenterEmulatorExtension EMULATOR =
 *         IdentityCenterEmulatorExtension.configure(b -> b.generateAccounts(100, 2));
 *
 * @Test
 * void listsAccounts(IdentityCenterEmulator emulator) { ... emulator.endpoint() ... }
 * }</pre>
 *
 * <p>JUnit Jupiter is an optional dependency of the testkit: add {@code junit-jupiter-api} to
 * your test dependencies to use this class.
 */
public final class IdentityCenterEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Consumer<IdentityCenterEmulator.Builder> configuration;
    private IdentityCenterEmulator emulator;
    private boolean perClass;
    private int classDepth;

    /** An extension with the default emulator settings (for {@code @ExtendWith}). */
    public IdentityCenterEmulatorExtension() {
        this(b -> { });
    }

    private IdentityCenterEmulatorExtension(Consumer<IdentityCenterEmulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** An extension with the default emulator settings. */
    public static IdentityCenterEmulatorExtension create() {
        return new IdentityCenterEmulatorExtension();
    }

    /** An extension whose emulator is configured by {@code configuration} before each start. */
    public static IdentityCenterEmulatorExtension configure(Consumer<IdentityCenterEmulator.Builder> configuration) {
        return new IdentityCenterEmulatorExtension(configuration);
    }

    /**
     * The running emulator.
     *
     * @throws IllegalStateException outside a test
     */
    public synchronized IdentityCenterEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only during tests of the class that registers it");
        }
        return emulator;
    }

    /** Shorthand for {@code emulator().endpoint()}. */
    public java.net.URI endpoint() {
        return emulator().endpoint();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            perClass = true;
            startNew();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
            perClass = false;
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (!perClass) {
            startNew();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == IdentityCenterEmulator.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (emulator == null) {
            // A parameter of a constructor or @BeforeAll method before our callbacks ran.
            startNew();
        }
        return emulator;
    }

    private void startNew() {
        if (emulator != null) {
            return;
        }
        IdentityCenterEmulator.Builder builder = IdentityCenterEmulator.builder();
        configuration.accept(builder);
        emulator = builder.build().start();
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
