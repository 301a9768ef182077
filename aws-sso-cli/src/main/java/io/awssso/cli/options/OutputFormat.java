package io.awssso.cli.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --output <format>} option of commands that print listings ({@code list},
 * {@code cache}, {@code tags}, {@code ecs list}, ...): mix it in with {@code @Mixin} and hand
 * {@link #format()} to {@link io.awssso.cli.render.Tabular}. A command that cannot print some
 * format says so with {@link #require}.
 */
public final class OutputFormat {
    /** The formats, as typed after {@code --output}. */
    public enum Format {
        /** Columns padded and joined by {@code " | "}, the header underlined (the default). */
        TABLE,
        /** Comma-joined cells, one row per line, no header, quoted as RFC 4180 says where needed. */
        CSV,
        /** A JSON document: for listings an array of objects keyed by column name. */
        JSON;

        @Override
        public String toString() {
            // picocli lists the candidates with toString(); users type them in lower case.
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Returns the format named {@code name}, in any letter case.
         *
         * @throws IllegalArgumentException naming the valid formats, if there is no such format
         */
        public static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is not an output format; use one of "
                    + Arrays.stream(values()).map(Format::toString).collect(Collectors.joining(", ")));
        }
    }

    @Option(names = "--output", paramLabel = "<format>", converter = Converter.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    private Format format;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Creates the option with nothing set; picocli fills it in while parsing. */
    public OutputFormat() {}

    /** Returns the format given with {@code --output}, else {@link Format#TABLE}. */
    public Format format() {
        return format == null ? Format.TABLE : format;
    }

    /** Returns whether {@code --output} was given. */
    public boolean given() {
        return format != null;
    }

    /** Sets the format, for shorthand flags such as {@code list --csv}. */
    public void set(Format value) {
        this.format = value;
    }

    /** Returns whether the format is {@link Format#JSON}. */
    public boolean json() {
        return format() == Format.JSON;
    }

    /**
     * Checks that the chosen format is one the command prints.
     *
     * @param command the command's name, for the message
     * @param supported the formats the command prints
     * @return the chosen format
     * @throws IllegalArgumentException naming the supported formats otherwise
     */
    public Format require(String command, Format... supported) {
        Format f = format();
        if (!Arrays.asList(supported).contains(f)) {
            throw new IllegalArgumentException("'" + command + "' cannot print --output " + f + "; use "
                    + Arrays.stream(supported).map(Format::toString).collect(Collectors.joining(" or ")));
        }
        return f;
    }

    /**
     * {@link #require} for the command this option is mixed into: an unsupported format is a usage
     * error (exit 2) naming the formats the command prints.
     *
     * @return the chosen format
     * @throws ParameterException otherwise
     */
    public Format requireOneOf(Format... supported) {
        String name = command.qualifiedName(" ");
        name = name.substring(name.indexOf(' ') + 1); // without the tool's own name
        try {
            return require(name, supported);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** Converts the argument of {@code --output}; picocli creates it reflectively. */
    public static final class Converter implements ITypeConverter<Format> {
        /** Creates the converter. */
        public Converter() {}

        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
