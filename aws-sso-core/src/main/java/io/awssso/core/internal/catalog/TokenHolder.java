package io.awssso.core.internal.catalog;

import io.awssso.api.LoginRequiredException;
import io.awssso.api.SsoToken;
import java.util.function.UnaryOperator;

/**
 * The access token shared by every worker of one refresh. A worker whose call was rejected (401)
 * asks for a renewal with the token it used; the first such request renews (once per refresh:
 * a silent refresh-token renewal, never a browser login), later ones get the renewed token.
 */
final class TokenHolder {
    private final UnaryOperator<SsoToken> renewer;
    private SsoToken current;
    private boolean renewed;
    private int renewals;

    TokenHolder(SsoToken initial, UnaryOperator<SsoToken> renewer) {
        this.current = initial;
        this.renewer = renewer;
    }

    synchronized SsoToken current() {
        return current;
    }

    /**
     * A token to retry with after {@code rejected} was refused.
     *
     * @throws LoginRequiredException when the renewed token was refused too, or renewal failed
     */
    synchronized SsoToken renew(SsoToken rejected, LoginRequiredException cause) {
        if (current != rejected) {
            return current;
        }
        if (renewed) {
            throw cause;
        }
        renewed = true;
        renewals++;
        current = renewer.apply(rejected);
        return current;
    }

    synchronized int renewals() {
        return renewals;
    }
}
