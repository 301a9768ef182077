package io.awssso.cli.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a picocli option whose default comes from an environment variable, such as
 * {@code --config} from {@code AWS_SSO_CONFIG}. A flag on the command line always wins.
 *
 * <p>picocli's own {@code ${env:NAME}} defaults read {@code System.getenv} directly; this
 * annotation lets the tool read the environment it was given instead, so tests never depend on the
 * real one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface FromEnvironment {
    /** Returns the name of the environment variable. */
    String value();
}
