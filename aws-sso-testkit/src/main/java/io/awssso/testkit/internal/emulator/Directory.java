package io.awssso.testkit.internal.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The accounts and role assignments the signed-in user sees, in the order they were added. */
public final class Directory {

    /** One account as the portal lists it. */
    public record AccountEntry(String accountId, String name, String email, List<String> roles) {
        public AccountEntry {
            roles = List.copyOf(roles);
        }
    }

    private static final String[] WELL_KNOWN_ROLES = {
        "AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess", "ViewOnlyAccess", "Billing",
    };

    private final List<String> order = new ArrayList<>();
    private final Map<String, String[]> names = new HashMap<>();
    private final Map<String, Set<String>> roles = new HashMap<>();

    /** Adds an account (or renames an existing one) and assigns it the given roles. */
    public synchronized void addAccount(String accountId, String name, String email, List<String> roleNames) {
        if (!names.containsKey(accountId)) {
            order.add(accountId);
            roles.put(accountId, new LinkedHashSet<>());
        }
        names.put(accountId, new String[] {name, email});
        roles.get(accountId).addAll(roleNames);
    }

    /** Assigns a role in an account that must exist. */
    public synchronized void addRole(String accountId, String roleName) {
        Set<String> set = roles.get(accountId);
        if (set == null) {
            throw new IllegalArgumentException("unknown account " + accountId + ": add the account first");
        }
        set.add(roleName);
    }

    /**
     * Adds {@code count} accounts with deterministic ids, names and emails, skipping ids already
     * present. Ids start at {@code 000000010000} so that leading zeros are always exercised.
     */
    public synchronized void generate(int count, int rolesPerAccount) {
        if (count < 0 || rolesPerAccount < 0) {
            throw new IllegalArgumentException("account and role counts must not be negative");
        }
        long next = 10_000;
        for (int added = 0; added < count; next++) {
            String id = String.format("%012d", next);
            if (names.containsKey(id)) {
                continue;
            }
            int n = order.size() + 1;
            String name = String.format("account-%05d", n);
            List<String> r = new ArrayList<>(rolesPerAccount);
            for (int i = 0; i < rolesPerAccount; i++) {
                r.add(i < WELL_KNOWN_ROLES.length ? WELL_KNOWN_ROLES[i] : String.format("Role%03d", i + 1));
            }
            addAccount(id, name, name + "@example.com", r);
            added++;
        }
    }

    public synchronized int size() {
        return order.size();
    }

    /** Up to {@code limit} accounts starting at {@code offset}. */
    public synchronized List<AccountEntry> accounts(int offset, int limit) {
        List<AccountEntry> out = new ArrayList<>();
        for (int i = offset; i < order.size() && out.size() < limit; i++) {
            out.add(entry(order.get(i)));
        }
        return out;
    }

    public synchronized List<AccountEntry> all() {
        return accounts(0, Integer.MAX_VALUE);
    }

    public synchronized Optional<AccountEntry> account(String accountId) {
        return names.containsKey(accountId) ? Optional.of(entry(accountId)) : Optional.empty();
    }

    public synchronized boolean hasRole(String accountId, String roleName) {
        Set<String> set = roles.get(accountId);
        return set != null && set.contains(roleName);
    }

    private AccountEntry entry(String id) {
        String[] n = names.get(id);
        return new AccountEntry(id, n[0], n[1], new ArrayList<>(roles.get(id)));
    }
}
