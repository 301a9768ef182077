package io.awssso.core.internal.catalog;

import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.AccountRole;
import io.awssso.api.AwsSsoException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.Page;
import io.awssso.core.RefreshListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Lists accounts and the roles of every account, the way aws-sso-cli does (reference 6.3), on a
 * bounded pool of {@code threads} workers whose calls one {@link CallGovernor} paces and retries
 * (throttling, server errors). A 401 renews the token through the shared {@link TokenHolder}
 * and retries.
 */
final class RoleFetcher {
    /** Page size for both listings (the service's maximum). */
    static final int MAX_RESULTS = 100;

    /** Accounts whose roles could not be listed, with the reason. */
    static final class PartialFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Map<AccountId, RuntimeException> failures;

        PartialFailure(Map<AccountId, RuntimeException> failures) {
            super("roles of " + failures.size() + " accounts could not be listed", null, false, false);
            this.failures = failures;
        }
    }

    private final IdentityCenterClient client;
    private final int threads;
    private final CallGovernor governor;

    /**
     * @param client the Identity Center client (its own retries off: the governor's govern)
     * @param threads workers for ListAccountRoles ({@code Threads}, {@code --threads})
     * @param governor paces and retries every call of this refresh
     */
    RoleFetcher(IdentityCenterClient client, int threads, CallGovernor governor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.client = client;
        this.threads = threads;
        this.governor = governor;
    }

    /** Throttled answers seen so far. */
    int throttles() {
        return governor.throttles();
    }

    /**
     * Every account (following NextToken) and the role names of each. The listings overlap: the
     * roles of a page's accounts are fetched by {@code threads} workers while the next page of
     * accounts is read. (aws-sso-cli lists the first account alone so that a token renewal happens
     * before the workers start; here the token is known to be valid before the first call and the
     * {@link TokenHolder} lets only one worker renew, so nothing needs to wait.)
     *
     * @param accountsOut receives the accounts, in the order listed
     * @throws PartialFailure naming each account that failed, after every account was tried
     */
    Map<AccountId, List<String>> listAll(TokenHolder token, RefreshListener listener,
            List<Account> accountsOut) {
        Map<AccountId, List<String>> roles = new ConcurrentHashMap<>();
        Map<AccountId, RuntimeException> failures = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger(); // 0 until every account is known
        int[] reported = {0};
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aws-sso-catalog");
            t.setDaemon(true);
            return t;
        });
        try {
            String next = null;
            do {
                String page = next;
                Page<Account> p = call(token, t -> client.listAccounts(t, page, MAX_RESULTS));
                for (Account a : p.items()) {
                    accountsOut.add(a);
                    pool.execute(() -> {
                        try {
                            roles.put(a.id(), rolesOf(a.id(), token));
                        } catch (RuntimeException e) {
                            failures.put(a.id(), e);
                        }
                        report(listener, done.incrementAndGet(), total.get(), reported);
                    });
                }
                next = p.nextToken();
            } while (next != null);
            if (!accountsOut.isEmpty()) {
                listener.started(accountsOut.size());
                total.set(accountsOut.size());
                report(listener, done.get(), accountsOut.size(), reported); // those finished meanwhile
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: every call is bounded by retries and timeouts
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while listing roles");
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            Map<AccountId, RuntimeException> ordered = new LinkedHashMap<>();
            accountsOut.stream().map(Account::id).filter(failures::containsKey)
                    .forEach(id -> ordered.put(id, failures.get(id)));
            throw new PartialFailure(Collections.unmodifiableMap(ordered));
        }
        return roles;
    }

    /** Reports {@code done} unless the total is unknown yet or a higher count was reported. */
    private static void report(RefreshListener listener, int done, int total, int[] reported) {
        if (total <= 0) {
            return;
        }
        synchronized (reported) {
            if (done > reported[0]) {
                reported[0] = done;
                listener.progress(done, total);
            }
        }
    }

    private List<String> rolesOf(AccountId account, TokenHolder token) {
        List<String> out = new ArrayList<>();
        String next = null;
        do {
            String page = next;
            Page<AccountRole> p = call(token, t -> client.listAccountRoles(t, account, page, MAX_RESULTS));
            p.items().forEach(r -> out.add(r.roleName()));
            next = p.nextToken();
        } while (next != null);
        return out;
    }

    /** One call, paced and retried by the governor; a 401 renews the token and tries again. */
    private <T> T call(TokenHolder token, Function<SsoToken, T> op) {
        return governor.call(() -> {
            SsoToken t = token.current();
            while (true) {
                try {
                    return op.apply(t);
                } catch (LoginRequiredException e) {
                    t = token.renew(t, e);
                }
            }
        });
    }
}
