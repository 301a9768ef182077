package io.awssso.core.internal.run;

import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.AccountRole;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.ThrottledException;
import io.awssso.api.spi.AssumeRoleRequest;
import io.awssso.api.spi.ClientRegistrationRequest;
import io.awssso.api.spi.DeviceAuthorization;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.Page;
import io.awssso.api.spi.TokenGrant;
import io.awssso.core.internal.catalog.CallGovernor;
import java.util.Objects;

/**
 * The run's client: before each GetRoleCredentials goes out it confirms its slot with the run's
 * governor, and a throttled answer cuts the pace before it leaves. A credential fetch calls under
 * the secure store's lock, so the calls of the other roles queue on that lock after their slots
 * came; when the service's bucket runs dry, those queued at the old pace must not follow into it
 * (see {@link CallGovernor#confirmSlot()} and {@link CallGovernor#throttled()}). Everything else is
 * passed through.
 */
final class PacedClient implements IdentityCenterClient {
    private final IdentityCenterClient delegate;
    private final CallGovernor governor;

    PacedClient(IdentityCenterClient delegate, CallGovernor governor) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.governor = Objects.requireNonNull(governor, "governor");
    }

    @Override
    public RoleCredentials getRoleCredentials(SsoToken token, AccountId account, String roleName) {
        governor.confirmSlot();
        try {
            return delegate.getRoleCredentials(token, account, roleName);
        } catch (ThrottledException e) {
            governor.throttled(); // while the store's lock is still held
            throw e;
        }
    }

    @Override
    public ClientRegistration registerClient(ClientRegistrationRequest request) {
        return delegate.registerClient(request);
    }

    @Override
    public DeviceAuthorization startDeviceAuthorization(ClientRegistration client, String startUrl) {
        return delegate.startDeviceAuthorization(client, startUrl);
    }

    @Override
    public SsoToken createToken(ClientRegistration client, TokenGrant grant) {
        return delegate.createToken(client, grant);
    }

    @Override
    public Page<Account> listAccounts(SsoToken token, String nextToken, int maxResults) {
        return delegate.listAccounts(token, nextToken, maxResults);
    }

    @Override
    public Page<AccountRole> listAccountRoles(SsoToken token, AccountId account, String nextToken, int maxResults) {
        return delegate.listAccountRoles(token, account, nextToken, maxResults);
    }

    @Override
    public void logout(SsoToken token) {
        delegate.logout(token);
    }

    @Override
    public RoleCredentials assumeRole(RoleCredentials source, AssumeRoleRequest request) {
        return delegate.assumeRole(source, request);
    }

    @Override
    public String getCallerIdentity(String accessKeyId, String secretAccessKey, String sessionToken) {
        return delegate.getCallerIdentity(accessKeyId, secretAccessKey, sessionToken);
    }

    /** The run does not own the client it was given. */
    @Override
    public void close() {
        // nothing: the engine closes the client it made
    }

    @Override
    public String toString() {
        return "PacedClient[" + delegate + "]";
    }
}
