package io.awssso.core;

import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.CatalogRole;
import io.awssso.api.Partition;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCatalog;
import io.awssso.core.internal.catalog.CatalogService;
import io.awssso.core.internal.catalog.RoleLister;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.di.CoreComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The roles the user may assume in the SSO instance: the role cache (refreshed from IAM Identity
 * Center when it expires or on request), finding a role by profile name or ARN, listings, tags
 * and the History of recently used roles. Get it with {@link AwsSso#roles()}.
 *
 * <pre>{@code
 * for (CatalogRole role : sso.roles().list()) {
 *     System.out.println(role.profile() + " " + role.arn());
 * }
 * }</pre>
 */
public final class Roles {
    private final CoreComponent graph;

    Roles(CoreComponent graph) {
        this.graph = graph;
    }

    /**
     * Every role of the instance, from the cache; refreshed first when the cache has expired.
     *
     * @throws io.awssso.api.LoginRequiredException when a refresh is needed and there is no usable
     *     SSO token (and AutoLogin is off)
     * @throws io.awssso.api.ConfigurationException when the config or the profile names are invalid
     */
    public List<CatalogRole> list() {
        return graph.catalog().roles();
    }

    /**
     * The roles of {@link #list()} that {@code filter} selects, in catalog order.
     *
     * @throws io.awssso.api.LoginRequiredException as {@link #list()}
     */
    public List<CatalogRole> matching(RoleFilter filter) {
        return Objects.requireNonNull(filter, "filter").select(list());
    }

    /**
     * Runs {@code task} for every catalog role {@code filter} selects (the catalog refreshed first
     * when expired), {@link RunOptions#parallelism()} at a time, each with its credentials: the
     * stored ones while valid, else fetched at the pace IAM Identity Center allows, throttled
     * answers retried. A role's failure (its credentials, or the task throwing) is its result and
     * the other roles go on. Interrupting the calling thread cancels: no role starts any more, the
     * running tasks are interrupted, and the results so far come back (the rest
     * {@link RoleRunResult.Status#CANCELLED}) with the thread's interrupt flag set.
     *
     * @return one result per selected role, in catalog order; empty when none is selected
     * @throws io.awssso.api.LoginRequiredException when the catalog must be refreshed and there is no
     *     usable SSO token
     */
    public <T> List<RoleRunResult<T>> forEach(RoleFilter filter, RunOptions options, RoleTask<T> task) {
        return graph.roleRunner().run(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(options,
                "options"), task);
    }

    /** The same roles through the API's {@link RoleCatalog} interface. */
    public RoleCatalog catalog() {
        return graph.catalog();
    }

    /**
     * The role with this ARN (the partition is not compared: a short-form ARN finds its role).
     *
     * @throws io.awssso.api.RoleNotFoundException when the user cannot reach it
     */
    public CatalogRole get(RoleArn arn) {
        return graph.catalog().role(Objects.requireNonNull(arn, "arn"));
    }

    /**
     * The role a profile name stands for, from the role cache (refreshed first when it has
     * expired).
     *
     * @throws IllegalArgumentException when the name is empty
     * @throws io.awssso.api.RoleNotFoundException when no role has that profile name
     */
    public RoleArn byProfile(String profile) {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile name is missing");
        }
        return graph.catalog().roleByProfile(profile).arn();
    }

    /**
     * A role ARN from text: a full ARN as it is, or the short form {@code <account>:<role>} in the
     * partition of the instance's region. Account ids are read in base 10 (leading zeros kept).
     *
     * @throws IllegalArgumentException when the text is neither form
     */
    public RoleArn parse(String text) {
        RoleArn arn = RoleArn.parse(text);
        return text.strip().startsWith("arn:") ? arn : RoleArn.of(partition(), arn.accountId(), arn.roleName());
    }

    /**
     * The role {@code roleName} in an account, in the partition of the instance's region; the
     * account id is read in base 10 and padded to 12 digits ({@code 0123} is 000000000123).
     *
     * @throws IllegalArgumentException when the account id is not up to 12 decimal digits or the
     *     role name is empty
     */
    public RoleArn of(String accountId, String roleName) {
        // the arguments are checked before the config is read: a bad one is the caller's error
        RoleArn aws = RoleArn.of(AccountId.parse(accountId), roleName);
        return RoleArn.of(partition(), aws.accountId(), aws.roleName());
    }

    /** The partition of the instance's SSO region. */
    public Partition partition() {
        return Partition.ofRegion(graph.instance().ssoRegion());
    }

    /** Whether the role cache must be refreshed (older than {@code CacheRefresh} hours, or the config changed). */
    public boolean expired() {
        return graph.catalog().expired();
    }

    /**
     * Refreshes the role cache now, whatever its age. When any account fails, the previous cache
     * is kept and the exception names the accounts.
     *
     * @param threads workers for ListAccountRoles; 0 or less for the config's {@code Threads}
     * @param listener hears the progress (may be {@link RefreshListener#NONE})
     * @throws io.awssso.api.LoginRequiredException when there is no usable SSO token
     * @throws AwsSsoException naming the accounts that failed
     */
    public RefreshResult refresh(int threads, RefreshListener listener) {
        int n = threads > 0 ? threads : graph.config().threads();
        return result(graph.catalog().refresh(n, Objects.requireNonNull(listener, "listener")));
    }

    /**
     * Refreshes the role cache when it has expired and no refresh ran yet in this engine.
     *
     * @return what the refresh did, or empty when the cache was current
     * @throws io.awssso.api.LoginRequiredException when a refresh is needed and there is no usable
     *     SSO token
     */
    public Optional<RefreshResult> refreshIfExpired(RefreshListener listener) {
        return graph.catalog().refreshIfExpired(Objects.requireNonNull(listener, "listener")).map(this::result);
    }

    /**
     * Every role assignment, asked of IAM Identity Center now (ListAccounts, then ListAccountRoles
     * per account), in the order it lists them; the cache is neither read nor written.
     *
     * @throws io.awssso.api.LoginRequiredException when there is no usable SSO token
     */
    public List<PortalRole> assigned() {
        List<PortalRole> out = new ArrayList<>();
        graph.catalog().fetchAssignments(graph.config().threads()).forEach((account, roles) ->
                roles.forEach(r -> out.add(new PortalRole(account.id(),
                        account.name() == null ? "" : account.name(), r))));
        return List.copyOf(out);
    }

    /** Every field a {@link ListQuery} may name, with its description, sorted by name. */
    public Map<String, String> listFields() {
        return RoleLister.FIELDS;
    }

    /**
     * The cached roles as a table of typed values, without refreshing (an expired cache only sets
     * {@link RoleListing#cacheExpired()}).
     *
     * @throws IllegalArgumentException for an unknown field (in the query, or in the config's
     *     {@code ListFields} when the query names none) or a prefix filter on {@code Expires},
     *     {@code ExpiresEpoch} or {@code Tags}
     */
    public RoleListing listing(ListQuery query) {
        List<String> fields = query.fields().isEmpty() ? graph.config().listFields() : query.fields();
        CatalogService catalog = graph.catalog();
        Instant now = graph.inputs().clock().instant();
        List<List<Object>> rows = RoleLister.rows(catalog.cachedRoles(), fields, query.sortBy(), query.reverse(),
                query.prefixField().orElse(""), query.prefix(), now);
        Optional<Instant> session;
        try {
            session = new Session(graph).expiresAt();
        } catch (AwsSsoException e) {
            session = Optional.empty(); // a store that cannot be opened only leaves the session unknown
        }
        return new RoleListing(catalog.ssoName(), session, catalog.expired(), now, fields, rows);
    }

    /**
     * The tags of the roles {@code which} accepts, sorted by ARN. Refreshes the cache first when
     * it has expired.
     *
     * @throws io.awssso.api.LoginRequiredException when a refresh is needed and there is no usable
     *     SSO token
     */
    public List<RoleTags> tags(Predicate<CatalogRole> which) {
        List<RoleTags> out = new ArrayList<>();
        for (CatalogRole r : list()) {
            if (which.test(r)) {
                out.add(new RoleTags(r.arn(), new TreeMap<>(r.tags())));
            }
        }
        out.sort(Comparator.comparing(RoleTags::arn));
        return out;
    }

    /**
     * Records that a role was used: first in History, trimmed to {@code HistoryLimit}, tagged
     * {@code History}. Does nothing with {@code HistoryLimit: 0}.
     *
     * @throws io.awssso.api.RoleNotFoundException when the role is not cached
     */
    public void recordUse(RoleArn arn) {
        graph.catalog().recordUse(Objects.requireNonNull(arn, "arn"));
    }

    /**
     * What an interactive role selector reads from the config: {@code FirstTag},
     * {@code FullTextSearch} and {@code AccountPrimaryTag}.
     */
    public SelectorSettings selectorSettings() {
        AwsSsoConfig config = graph.config();
        return new SelectorSettings(config.firstTag(), config.fullTextSearch(), config.accountPrimaryTag());
    }

    /**
     * {@code PromptColors}: every colour key of the selector with its colour name ({@code Cyan},
     * {@code DarkGrey}, ...), the config's where given, else aws-sso-cli's default.
     */
    public Map<String, String> promptColors() {
        return graph.config().promptColors();
    }

    private RefreshResult result(CatalogService.RefreshOutcome o) {
        return new RefreshResult(graph.catalog().ssoName(), new TreeSet<>(o.added()), new TreeSet<>(o.removed()),
                o.accounts(), o.roles(), o.throttled(), o.elapsed());
    }
}
