package io.awssso.cli.internal;

import io.awssso.cli.options.FromEnvironment;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Supplies the default of every option marked {@link FromEnvironment} from the run's
 * {@link CliEnvironment}; picocli calls it only for options not given on the command line.
 */
public final class EnvironmentDefaultProvider implements IDefaultValueProvider {
    private final CliEnvironment environment;

    /** Creates a provider reading {@code environment}. */
    @Inject
    public EnvironmentDefaultProvider(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        // Annotated fields are the user objects of the options picocli builds from them; reading
        // an annotation needs no reflective access to the field.
        if (argSpec.userObject() instanceof Field) {
            FromEnvironment from = ((Field) argSpec.userObject()).getAnnotation(FromEnvironment.class);
            if (from != null) {
                return environment.get(from.value()).orElse(null);
            }
        }
        return null;
    }
}
