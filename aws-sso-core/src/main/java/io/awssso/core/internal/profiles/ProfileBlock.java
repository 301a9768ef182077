package io.awssso.core.internal.profiles;

import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.api.internal.text.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Renders the managed block of one SSO instance: the marker lines and one {@code [profile ...]}
 * section per role, sorted by name. A profile carries only {@code credential_process} (plus
 * {@code region} and {@code ConfigVariables}): any {@code sso_*} key would make the AWS SDKs take
 * their own SSO path and skip {@code credential_process}.
 */
public final class ProfileBlock {
    /** The marker prefix of the first line of a block. */
    static final String BEGIN = "# BEGIN_AWS_SSO_CLI";
    /** The marker prefix of the last line of a block. */
    static final String END = "# END_AWS_SSO_CLI";
    private static final String DEFAULT_INSTANCE = "Default";

    private final String ssoName;
    private final String binary;
    private final Map<String, String> configVariables;

    /**
     * @param ssoName the SSO instance the profiles belong to
     * @param binary the program {@code credential_process} runs (the aws-sso launcher)
     * @param configVariables extra {@code key = value} lines for every profile, in order
     */
    public ProfileBlock(String ssoName, String binary, Map<String, String> configVariables) {
        this.ssoName = Objects.requireNonNull(ssoName, "ssoName");
        this.binary = Objects.requireNonNull(binary, "binary");
        this.configVariables = new LinkedHashMap<>(configVariables);
        requireOneLine("the aws-sso program path", binary);
        requireOneLine("the SSO instance name", ssoName);
        this.configVariables.forEach((k, v) -> {
            requireOneLine("ConfigVariables key", k);
            requireOneLine("ConfigVariables." + k, v);
            if (k.isBlank() || k.contains("=") || k.startsWith("[")) {
                throw new ConfigurationException("ConfigVariables key '" + k + "' is not a valid ~/.aws/config key");
            }
            if (k.startsWith("sso_")) {
                throw new ConfigurationException("ConfigVariables must not set '" + k + "': an sso_* key makes the"
                        + " AWS SDKs ignore credential_process");
            }
        });
    }

    /** The first marker line for {@code ssoName} ({@code _<SSO>} appended unless Default). */
    public static String beginMarker(String ssoName) {
        return DEFAULT_INSTANCE.equals(ssoName) ? BEGIN : BEGIN + "_" + ssoName;
    }

    /** The last marker line for {@code ssoName}. */
    public static String endMarker(String ssoName) {
        return DEFAULT_INSTANCE.equals(ssoName) ? END : END + "_" + ssoName;
    }

    /** The {@code credential_process} value for a role. */
    public String credentialProcess(RoleArn arn) {
        return CommandQuoting.word(binary) + " -S " + CommandQuoting.quoted(ssoName) + " process --arn "
                + CommandQuoting.word(arn.toString());
    }

    /**
     * The entries that can be written, in order; each other one is left out and {@code skipped}
     * hears a sentence naming it (control characters shown escaped). A profile is written only
     * when both readers of {@code ~/.aws/config} take it as it is: its name holds no blank, no
     * control or formatting character, none of {@code [ ] # ; ' " \} (botocore splits a section
     * name like a shell word; the AWS SDK for Java cuts a section line at {@code #} or {@code ;}
     * and fails on the rest), and its {@code credential_process} fits on one line. One bad role
     * name from AWS thus costs that profile, not the whole block.
     *
     * @param entries the candidates
     * @param skipped hears why each left-out entry was left out
     */
    public List<ProfileEntry> writable(List<ProfileEntry> entries, Consumer<String> skipped) {
        List<ProfileEntry> out = new ArrayList<>(entries.size());
        for (ProfileEntry e : entries) {
            Optional<String> problem = problem(e);
            if (problem.isPresent()) {
                skipped.accept("skipping the profile '" + shown(e.name()) + "' of " + shown(e.arn().toString()) + ": "
                        + problem.get());
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private Optional<String> problem(ProfileEntry e) {
        if (e.name().isEmpty()) {
            return Optional.of("its name is empty");
        }
        if (e.name().codePoints().anyMatch(c -> unprintable(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c))) {
            return Optional.of("its name holds a blank or control character, which ~/.aws/config cannot carry");
        }
        Optional<Integer> special = e.name().codePoints().filter(c -> "[]#;'\"\\".indexOf(c) >= 0).boxed()
                .findFirst();
        if (special.isPresent()) {
            return Optional.of("its name holds '" + Character.toString(special.get())
                    + "', which the AWS SDKs read differently in ~/.aws/config");
        }
        if ((credentialProcess(e.arn()) + e.region()).codePoints().anyMatch(ProfileBlock::unprintable)) {
            return Optional.of("its role name or region holds a control character, which ~/.aws/config"
                    + " cannot carry");
        }
        return Optional.empty();
    }

    /**
     * Controls, formatting characters (bidirectional marks among them), line separators, unpaired
     * surrogates (a pair is one code point here, and printable).
     */
    private static boolean unprintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** {@code s} with control characters escaped, for a message. */
    static String shown(String s) {
        return Printable.escape(s);
    }

    /**
     * The block's lines, markers included, without line terminators.
     *
     * @throws ConfigurationException naming both roles when two profiles have the same name
     */
    public List<String> lines(List<ProfileEntry> entries) {
        List<ProfileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ProfileEntry::name).thenComparing(e -> e.arn().toString()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new ConfigurationException("duplicate profile name '" + sorted.get(i).name() + "' for: "
                        + sorted.get(i - 1).arn() + " and " + sorted.get(i).arn()
                        + "; give one of them a Profile in config.yaml or change ProfileFormat");
            }
        }
        List<String> out = new ArrayList<>();
        out.add(beginMarker(ssoName));
        for (ProfileEntry e : sorted) {
            Optional<String> problem = problem(e);
            if (problem.isPresent()) { // writable() leaves these out: reaching here is a bug
                throw new IllegalArgumentException("profile '" + shown(e.name()) + "' of " + shown(e.arn().toString())
                        + ": " + problem.get());
            }
            out.add("");
            out.add("[profile " + e.name() + "]");
            out.add("credential_process = " + credentialProcess(e.arn()));
            if (!e.region().isBlank()) {
                out.add("region = " + e.region());
            }
            configVariables.forEach((k, v) -> out.add(k + " = " + v));
        }
        out.add("");
        out.add(endMarker(ssoName));
        return out;
    }

    private static void requireOneLine(String what, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new ConfigurationException(what + " holds a line break, which ~/.aws/config cannot carry");
        }
    }
}
