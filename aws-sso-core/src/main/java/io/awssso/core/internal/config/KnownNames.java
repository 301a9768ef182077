package io.awssso.core.internal.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The closed vocabularies of config.yaml: list fields, secret stores, prompt colours. */
public final class KnownNames {
    private KnownNames() {
    }

    /** Every column of {@code list} ({@code AllListFields}). */
    public static final List<String> LIST_FIELDS = List.of("Id", "Arn", "AccountId",
            "AccountIdPad", "AccountName", "AccountAlias", "DefaultRegion", "EmailAddress",
            "Expires", "ExpiresEpoch", "RoleName", "SSO", "Via", "Profile");

    /** Old list field names and the names that replaced them. */
    static final Map<String, String> RENAMED_LIST_FIELDS = Map.of(
            "ExpiresStr", "Expires", "AccountIdStr", "AccountIdPad", "ARN", "Arn");

    /** Every {@code SecureStore} backend name. */
    public static final Set<String> SECURE_STORES = Set.of("file", "keychain", "kwallet", "pass",
            "secret-service", "wincred", "json", "1password");

    /** Every prompt colour name ({@code DarkGray} is read as {@code DarkGrey}). */
    public static final List<String> COLORS = List.of("DefaultColor", "Black", "DarkRed",
            "DarkGreen", "Brown", "DarkBlue", "Purple", "Cyan", "LightGrey", "DarkGrey", "Red",
            "Green", "Yellow", "Blue", "Fuchsia", "Turquoise", "White");

    /** Every {@code PromptColors} key with its default colour, in documentation order. */
    public static final Map<String, String> DEFAULT_PROMPT_COLORS = defaultPromptColors();

    private static Map<String, String> defaultPromptColors() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DescriptionBGColor", "Turquoise");
        m.put("DescriptionTextColor", "Black");
        m.put("InputBGColor", "DefaultColor");
        m.put("InputTextColor", "DefaultColor");
        m.put("PrefixBackgroundColor", "DefaultColor");
        m.put("PrefixTextColor", "Blue");
        m.put("PreviewSuggestionBGColor", "DefaultColor");
        m.put("PreviewSuggestionTextColor", "Green");
        m.put("ScrollbarBGColor", "Cyan");
        m.put("ScrollbarThumbColor", "LightGrey");
        m.put("SelectedDescriptionBGColor", "DarkGrey");
        m.put("SelectedDescriptionTextColor", "White");
        m.put("SelectedSuggestionBGColor", "DarkGrey");
        m.put("SelectedSuggestionTextColor", "White");
        m.put("SuggestionBGColor", "Cyan");
        m.put("SuggestionTextColor", "White");
        return java.util.Collections.unmodifiableMap(m);
    }
}
