package io.awssso.api.spi;

import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.AccountRole;
import io.awssso.api.ClientRegistration;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.ThrottledException;

/**
 * The calls aws-sso makes to IAM Identity Center (SSO OIDC and the SSO portal) and to STS, for one
 * instance. The engine talks to AWS through nothing else, so every path can be driven by the
 * testkit's emulator.
 *
 * <p>Errors: an expired or unknown access token is a {@link LoginRequiredException}; throttling
 * that outlasts the client's own retries is a {@link ThrottledException}; other error answers are
 * {@link IdentityCenterException}s whose {@link IdentityCenterException#reason() reason} a caller
 * can branch on. Implementations are thread-safe.
 */
public interface IdentityCenterClient extends AutoCloseable {

    /** OIDC RegisterClient (client type {@code public}). */
    ClientRegistration registerClient(ClientRegistrationRequest request);

    /** OIDC StartDeviceAuthorization for the start URL. */
    DeviceAuthorization startDeviceAuthorization(ClientRegistration client, String startUrl);

    /**
     * OIDC CreateToken for a device code, an authorization code with its PKCE verifier, or a
     * refresh token.
     *
     * @throws IdentityCenterException with {@code AUTHORIZATION_PENDING}, {@code SLOW_DOWN},
     *     {@code EXPIRED_TOKEN}, {@code ACCESS_DENIED}, {@code INVALID_GRANT} or
     *     {@code INVALID_CLIENT} as the service answered
     */
    SsoToken createToken(ClientRegistration client, TokenGrant grant);

    /** Portal ListAccounts, one page (at most {@code maxResults}, 1 to 100). */
    Page<Account> listAccounts(SsoToken token, String nextToken, int maxResults);

    /** Portal ListAccountRoles, one page (at most {@code maxResults}, 1 to 100). */
    Page<AccountRole> listAccountRoles(SsoToken token, AccountId account, String nextToken, int maxResults);

    /** Portal GetRoleCredentials. */
    RoleCredentials getRoleCredentials(SsoToken token, AccountId account, String roleName);

    /** Portal Logout: ends the Identity Center session of this token. */
    void logout(SsoToken token);

    /** STS AssumeRole with the given source credentials; the result is marked as role-chained. */
    RoleCredentials assumeRole(RoleCredentials source, AssumeRoleRequest request);

    /**
     * STS GetCallerIdentity with the given credentials ({@code console} run with only credentials
     * in its environment): the caller's ARN, for role credentials
     * {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}.
     *
     * <p>The default throws {@link UnsupportedOperationException}, so implementations written before
     * this call keep compiling.
     */
    default String getCallerIdentity(String accessKeyId, String secretAccessKey, String sessionToken) {
        throw new UnsupportedOperationException("GetCallerIdentity is not supported by " + getClass().getName());
    }

    /** Releases the HTTP resources. Never throws. */
    @Override
    void close();
}
