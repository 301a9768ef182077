package io.awssso.cli.command;

import io.awssso.api.ConfigurationException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.FromEnvironment;
import io.awssso.cli.options.OutputFormat;
import io.awssso.cli.options.OutputFormat.Format;
import io.awssso.cli.render.ExpiresColumn;
import io.awssso.cli.render.Tabular;
import io.awssso.core.AwsSso;
import io.awssso.core.ListQuery;
import io.awssso.core.RoleListing;
import io.awssso.core.Vocabulary;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aws-sso list [field ...]}: prints every cached role of the instance. It reads the role
 * cache and never refreshes it or needs a token (an expired cache only gets a warning), so it
 * works offline and costs no AWS call.
 *
 * <p>The table, CSV or JSON goes to stdout; the instance/session line above the table and any
 * warning go to stderr, so {@code aws-sso list | ...} sees only the table.
 */
@Command(name = "list", description = {
        "List the roles in the role cache.",
        "Reads the cache only: never calls AWS, never needs a login ('aws-sso cache'",
        "refreshes it). The table goes to stdout, the instance/session line to stderr."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso list", "  aws-sso list AccountIdPad RoleName Arn --sort RoleName",
                "  aws-sso list --csv -P Profile=prod Profile", "  aws-sso list --output json",
                "  aws-sso list --list-fields"})
public final class ListCommand implements Callable<Integer> {
    @FromEnvironment("AWS_SSO_FIELDS")
    @Parameters(paramLabel = "<field>", arity = "0..*",
            description = "Fields to print, as separate words or comma-separated (env: AWS_SSO_FIELDS;"
                    + " default: ListFields from the config). See --list-fields.")
    private List<String> fields = new ArrayList<>();

    @Option(names = {"-f", "--list-fields"}, description = "Print the valid field names with descriptions.")
    private boolean listFields;

    @Option(names = "--csv", description = "Comma-separated values: no header; fields with , or \" quoted as RFC 4180 says"
                    + " (same as --output csv).")
    private boolean csv;

    @Option(names = {"-P", "--prefix"}, paramLabel = "<field>=<prefix>",
            description = "Only roles whose field starts with the prefix (case-sensitive; not Expires"
                    + " or ExpiresEpoch).")
    private String prefix;

    @FromEnvironment("AWS_SSO_FIELD_SORT")
    @Option(names = {"-s", "--sort"}, paramLabel = "<field>",
            description = "Field to sort by (env: AWS_SSO_FIELD_SORT; default: AccountId). Id and the"
                    + " account ids sort as numbers, Expires by time left, others as text.")
    private String sort;

    @FromEnvironment("AWS_SSO_FIELD_SORT_REVERSE")
    @Option(names = "--reverse", converter = ReverseFromEnvironment.class,
            description = "Sort in reverse order (env: AWS_SSO_FIELD_SORT_REVERSE=true).")
    private boolean reverse;

    @Mixin
    private OutputFormat output;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal the table goes to stdout, the header and warnings to stderr
     */
    @Inject
    public ListCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Format format = format();
        AwsSso sso = engine.get();
        Map<String, String> valid = sso.roles().listFields();
        if (listFields) {
            List<List<String>> rows = new ArrayList<>();
            valid.forEach((name, description) -> rows.add(List.of(name, description)));
            Tabular.print(terminal.out(), format, List.of("Field", "Description"), rows);
            return ExitCode.OK.code();
        }
        List<String> wanted = splitFields(fields);
        wanted.forEach(f -> checkField(valid, f));
        String sortBy = sort == null || sort.isBlank() ? null : sort.strip();
        if (sortBy != null) {
            checkField(valid, sortBy);
        }
        String prefixField = null;
        String prefixValue = null;
        if (prefix != null) {
            int eq = prefix.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(),
                        "--prefix must be <field>=<prefix>, got '" + prefix + "'");
            }
            prefixField = prefix.substring(0, eq);
            prefixValue = prefix.substring(eq + 1);
            checkField(valid, prefixField);
            if (!Vocabulary.listPrefixFields().contains(prefixField)) {
                throw new ParameterException(spec.commandLine(),
                        "--prefix does not work with the field '" + prefixField + "'");
            }
        }
        ListQuery.Builder query = ListQuery.builder().fields(wanted).sortBy(sortBy).reverse(reverse);
        if (prefixField != null) {
            query.prefix(prefixField, prefixValue);
        }
        RoleListing listing = list(sso, query.build());
        print(terminal, listing, format, Clock.systemUTC());
        return ExitCode.OK.code();
    }

    /** {@code --csv} is {@code --output csv}; with another {@code --output} the two conflict. */
    private Format format() {
        if (csv) {
            if (output.given() && output.format() != Format.CSV) {
                throw new ParameterException(spec.commandLine(),
                        "--csv and --output " + output.format() + " cannot be used together");
            }
            return Format.CSV;
        }
        return output.format();
    }

    private void checkField(Map<String, String> valid, String field) {
        if (!valid.containsKey(field)) {
            throw new ParameterException(spec.commandLine(), "unsupported field: '" + field + "'"
                    + " (valid fields: " + String.join(", ", valid.keySet()) + ")");
        }
    }

    /** Fields as given: separate words, comma-separated lists, or both (as in AWS_SSO_FIELDS). */
    static List<String> splitFields(List<String> given) {
        List<String> out = new ArrayList<>();
        if (given != null) {
            for (String word : given) {
                for (String f : word.split("[,\\s]+")) {
                    if (!f.isEmpty()) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The listing; the query's own fields are checked already, so an unknown field now can only
     * come from the config's ListFields.
     */
    static RoleListing list(AwsSso sso, ListQuery query) {
        try {
            return sso.roles().listing(query);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ListFields in " + sso.configFile() + ": " + e.getMessage()
                    + "; see 'aws-sso list --list-fields'");
        }
    }

    /**
     * Prints a listing: warnings and (for the table) the instance/session line on stderr, the rows
     * on stdout.
     */
    static void print(Terminal terminal, RoleListing listing, Format format, Clock clock) {
        PrintWriter err = terminal.err();
        if (listing.cacheExpired()) {
            err.println(listing.rows().isEmpty()
                    ? "No roles are cached for SSO instance " + listing.ssoName()
                            + " yet; run 'aws-sso cache' (or 'aws-sso login') to fetch them."
                    : "Cache has expired. Results may be out of date. Run 'aws-sso cache' to refresh it.");
        }
        if (format == Format.TABLE) {
            String session = listing.sessionExpiresAt()
                    .map(at -> "Expires in: " + sessionLeft(Duration.between(clock.instant(), at)))
                    .orElse("Not logged in");
            err.println("List of AWS roles for SSO Instance: " + listing.ssoName() + " [" + session + "]");
            err.println();
        }
        err.flush();
        Tabular.print(terminal.out(), format, listing.fields(), cells(listing));
    }

    /**
     * The listing's values as text: {@code Expires} as aws-sso-cli's time-left cell (an absent
     * expiry is {@code Expired}, as the cache cannot tell it from an expired one), everything else
     * as its own text.
     */
    static List<List<String>> cells(RoleListing listing) {
        int expires = listing.fields().indexOf("Expires");
        List<List<String>> out = new ArrayList<>(listing.rows().size());
        for (List<Object> row : listing.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                cells.add(i == expires ? ExpiresColumn.text((Instant) v, listing.asOf()) : String.valueOf(v));
            }
            out.add(cells);
        }
        return out;
    }

    /**
     * The session's time left in the header line, as aws-sso-cli words it there: its 7-character
     * {@code Expires} text with the padding trimmed, so a single-digit minute after hours keeps
     * its second space ({@code 7h  5m}, {@code 7h 59m}, {@code 42m}, {@code < 1m}, {@code Expired}).
     */
    static String sessionLeft(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "Expired";
        }
        long minutes = left.toMinutes();
        if (minutes < 1) {
            return "< 1m";
        }
        long m = minutes % 60;
        return minutes < 60 ? minutes + "m" : (minutes / 60) + "h " + (m < 10 ? " " : "") + m + "m";
    }

    /**
     * Reads {@code --reverse}'s default from {@code AWS_SSO_FIELD_SORT_REVERSE}, which shell users
     * set to {@code 1} as often as to {@code true}; picocli's own conversion takes only true/false.
     */
    public static final class ReverseFromEnvironment implements ITypeConverter<Boolean> {
        /** Creates the converter; picocli creates it reflectively. */
        public ReverseFromEnvironment() {}

        @Override
        public Boolean convert(String value) {
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> {
                    return Boolean.TRUE;
                }
                case "false", "0", "no", "" -> {
                    return Boolean.FALSE;
                }
                default -> throw new TypeConversionException("'" + value + "' is not a boolean"
                        + " (AWS_SSO_FIELD_SORT_REVERSE takes true or false)");
            }
        }
    }
}
