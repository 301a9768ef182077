package io.awssso.core;

import io.awssso.core.internal.catalog.RoleLister;
import io.awssso.core.internal.config.UrlAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The fixed sets of names the library accepts as text, for front ends that offer them (shell
 * completion, help, pickers) instead of keeping copies that drift: the URL actions of
 * {@code UrlAction}, {@code AuthUrlAction} and {@link LoginOptions}/{@link ConsoleOptions}, and the
 * fields of {@link Roles#listing}.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /**
     * Every URL action name ({@code open}, {@code print}, ..., {@code ansi-osc52}, ...), in the
     * order aws-sso-cli documents them.
     */
    public static List<String> urlActions() {
        return Arrays.stream(UrlAction.values()).map(UrlAction::configName).toList();
    }

    /** Every {@code list} field with its description, sorted by name. */
    public static Map<String, String> listFields() {
        return RoleLister.FIELDS;
    }

    /**
     * The {@code list} fields a prefix filter ({@link ListQuery#prefixField()}) accepts: every
     * field but the expiry ones, whose text changes from minute to minute.
     */
    public static List<String> listPrefixFields() {
        return RoleLister.PREFIX_FIELDS;
    }
}
