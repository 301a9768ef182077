package io.awssso.core.internal.naming;

/**
 * The profile name the default {@code ProfileFormat}
 * ({@code {{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}}) gives, without
 * compiling or running the template: for the {@code process} fast path, which resolves
 * {@code --profile} from the role cache and must not load the template engine to do so.
 */
public final class DefaultProfileName {
    private DefaultProfileName() {
    }

    /**
     * The account's configured name, else its alias without white space (Go's notion of it), then
     * a colon and the role name.
     */
    public static String of(String accountName, String accountAlias, String roleName) {
        String account = accountName;
        if (account.isEmpty()) {
            // a plain loop: the first lambda of a run costs the fast path milliseconds
            StringBuilder b = new StringBuilder(accountAlias.length());
            for (int i = 0; i < accountAlias.length(); ) {
                int c = accountAlias.codePointAt(i);
                if (!GoStrings.isSpace(c)) {
                    b.appendCodePoint(c);
                }
                i += Character.charCount(c);
            }
            account = b.toString();
        }
        return account + ":" + roleName;
    }
}
