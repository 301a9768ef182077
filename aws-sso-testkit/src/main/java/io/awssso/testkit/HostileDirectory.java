package io.awssso.testkit;

import io.awssso.api.AccountId;
import io.awssso.testkit.IdentityCenterEmulator.EmulatedAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A directory an attacker chose: the text an Identity Center administrator (or whoever names an
 * account) controls, built to break out of every output format a client prints it in. Serve it
 * with {@link IdentityCenterEmulator.Builder#hostileDirectory(HostileDirectory)} and drive every
 * output path of the client under test; then assert that the {@linkplain #canary() canary file}
 * was never created (every string that could run code creates it when run by bash, zsh, fish,
 * xonsh, PowerShell, Python or an INI reader that runs {@code credential_process}), that no
 * line break or terminal control reached the output raw, and that no extra row or profile
 * appeared.
 *
 * <pre>{@code
 * Path canary = tempDir.resolve("pwned");
 * HostileDirectory hostile = HostileDirectory.withCanary(canary);
 * try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder()
 *         .hostileDirectory(hostile).build().start()) {
 *     ... run every command that prints account names, roles, e-mails ...
 *     assertThat(canary).doesNotExist();
 * }
 * }</pre>
 *
 * <p>What it holds ({@link #strings()}): shell command substitutions ({@code $(...)}, backquotes,
 * fish's {@code (...)}), {@code ;}, globs, quotes of every kind (ASCII, the typographic U+2018–U+201B
 * that PowerShell also ends strings at, U+201C–U+201E), Python/xonsh string breakouts, line feeds,
 * carriage returns, an INI section and {@code credential_process} after a line break, a NUL (JSON
 * can carry it), ANSI escapes ({@code ESC ]0;...BEL}, CSI, the 8-bit CSI U+009B), bidirectional
 * overrides and marks, {@code printf} directives, backslashes, and a 2 KB string.
 *
 * <p>Accounts get ids {@code 000000066600}, {@code 000000066601}, ... in the order of
 * {@link #strings()}: each string is the name of one account, the e-mail of the next, and a role
 * name in account {@code 000000066600} when it can be one (see {@link #roleNames()}). Every account
 * also has the plain role {@value #PLAIN_ROLE}, so that a client that skips the hostile names still
 * has something to list.
 */
public final class HostileDirectory {
    /** The first account id. */
    public static final String FIRST_ACCOUNT_ID = "000000066600";
    /** A harmless role every hostile account also has. */
    public static final String PLAIN_ROLE = "ReadOnlyAccess";

    private final Path canary;

    private HostileDirectory(Path canary) {
        this.canary = canary;
    }

    /**
     * Hostile data whose code, if anything runs it, creates {@code canary}.
     *
     * @param canary an absolute path without whitespace or quotes (a temporary directory's file)
     * @throws IllegalArgumentException when the path is relative or holds characters that the
     *     payloads could not carry unquoted
     */
    public static HostileDirectory withCanary(Path canary) {
        Objects.requireNonNull(canary, "canary");
        String p = canary.toString();
        if (!canary.isAbsolute() || !p.matches("[A-Za-z0-9_./-]+")) {
            throw new IllegalArgumentException("the canary path must be absolute and hold only letters, digits"
                    + " and _ . / -, got " + p);
        }
        return new HostileDirectory(canary);
    }

    /** The file that exists only if some output ran a payload as code. */
    public Path canary() {
        return canary;
    }

    /** Every hostile string, in a fixed order; none is empty. */
    public List<String> strings() {
        String c = canary.toString();
        List<String> s = new ArrayList<>();
        s.add("$(touch${IFS}" + c + ")");
        s.add("`touch " + c + "`");
        s.add("x; touch " + c + "; #");
        s.add("x && touch " + c + " | cat");
        s.add("(touch " + c + ")"); // fish command substitution
        s.add("' ; touch " + c + " ; '");
        s.add("\" ; touch " + c + " ; \"");
        s.add("\\'; touch " + c + "; echo \\'");
        s.add("c\u2019; New-Item " + c + "; \u2019");
        s.add("c\u2018; New-Item " + c + "; \u2018");
        s.add("c\u201a; New-Item " + c + "; \u201b");
        s.add("c\u201c; New-Item " + c + "; \u201d \u201e");
        s.add("$(New-Item " + c + ")");
        s.add("'); __import__('os').system('touch " + c + "'); ('");
        s.add("@(__import__('os').system('touch " + c + "'))");
        s.add("* ?[a-z]* {a,b} ~root");
        s.add("!! !$ %s%n%x $((6*7)) ${HOME}");
        s.add("line one\n999999999999 | fake | row");
        s.add("carriage\rreturn\r\n012345678901,fake,row");
        s.add("x\n[profile injected]\ncredential_process = touch " + c + "\n");
        s.add("tab\there");
        s.add("nul\u0000byte");
        s.add("\u001b]0;owned title\u0007");
        s.add("\u001b[31mred\u001b[0m \u001b[2J");
        s.add("\u009b31m eight-bit CSI");
        s.add("\u202egnp.exe \u200f\u200eRTL\u2066x\u2069 \u2028 \u2029");
        s.add("back\\slash\\ trailing\\");
        s.add("u\u00ffn\u00efc\u00f6d\u00e9 \uD83D\uDE80");
        s.add("A".repeat(2000) + "$(touch " + c + ")" + "Z".repeat(30));
        return List.copyOf(s);
    }

    /**
     * The strings that serve as role names: all but those holding a {@code :} (no ARN can carry
     * it, so no real directory can serve one) or a NUL.
     */
    public List<String> roleNames() {
        return strings().stream().filter(HostileDirectory::canBeRoleName).toList();
    }

    /** Whether {@code s} is one of the strings served as a role name. */
    public static boolean canBeRoleName(String s) {
        return !s.contains(":") && s.indexOf('\0') < 0 && !s.isBlank();
    }

    /**
     * Hostile tags for a config file ({@code Tags:} of an account or a role): each hostile
     * string as a value under keys {@code H00}, {@code H01}, ..., and each as a key too (with
     * the value {@code value}), keys first.
     */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> strings = strings();
        for (int i = 0; i < strings.size(); i++) {
            tags.put(strings.get(i), "value");
        }
        for (int i = 0; i < strings.size(); i++) {
            tags.put(String.format("H%02d", i), strings.get(i));
        }
        return tags;
    }

    /** The accounts served, in listing order. */
    public List<EmulatedAccount> accounts() {
        List<String> strings = strings();
        List<EmulatedAccount> out = new ArrayList<>();
        long first = Long.parseLong(FIRST_ACCOUNT_ID);
        for (int i = 0; i < strings.size(); i++) {
            List<String> roles = new ArrayList<>();
            roles.add(PLAIN_ROLE);
            if (i == 0) {
                roles.addAll(roleNames());
            }
            out.add(new EmulatedAccount(AccountId.of(first + i), strings.get(i),
                    strings.get((i + 1) % strings.size()), roles));
        }
        return out;
    }

    @Override
    public String toString() {
        return "HostileDirectory[canary=" + canary + "]";
    }
}
