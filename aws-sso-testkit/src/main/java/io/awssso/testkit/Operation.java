package io.awssso.testkit;

/**
 * The operations the {@link IdentityCenterEmulator} serves, one per wire call, used to configure
 * per-operation faults and to query its {@link IdentityCenterEmulator#callLog() call log}.
 */
public enum Operation {
    /** SSO OIDC {@code RegisterClient}: {@code POST /client/register}. */
    REGISTER_CLIENT(Service.OIDC),
    /** SSO OIDC {@code StartDeviceAuthorization}: {@code POST /device_authorization}. */
    START_DEVICE_AUTHORIZATION(Service.OIDC),
    /** SSO OIDC {@code CreateToken}: {@code POST /token}, for every grant type. */
    CREATE_TOKEN(Service.OIDC),
    /** The PKCE authorization page: {@code GET} and {@code POST /authorize}. */
    AUTHORIZE(Service.WEB),
    /** The device verification page: {@code GET} and {@code POST /device}. */
    VERIFY_DEVICE(Service.WEB),
    /** The access portal's start page: {@code GET /start}. */
    START_PAGE(Service.WEB),
    /** SSO portal {@code ListAccounts}: {@code GET /assignment/accounts}. */
    LIST_ACCOUNTS(Service.PORTAL),
    /** SSO portal {@code ListAccountRoles}: {@code GET /assignment/roles}. */
    LIST_ACCOUNT_ROLES(Service.PORTAL),
    /** SSO portal {@code GetRoleCredentials}: {@code GET /federation/credentials}. */
    GET_ROLE_CREDENTIALS(Service.PORTAL),
    /** SSO portal {@code Logout}: {@code POST /logout}. */
    LOGOUT(Service.PORTAL),
    /** STS {@code AssumeRole}: {@code POST /} with {@code Action=AssumeRole}. */
    ASSUME_ROLE(Service.STS),
    /** STS {@code GetCallerIdentity}: {@code POST /} with {@code Action=GetCallerIdentity}. */
    GET_CALLER_IDENTITY(Service.STS),
    /** Console federation {@code GET /federation?Action=getSigninToken}. */
    GET_SIGNIN_TOKEN(Service.FEDERATION),
    /** Console federation {@code GET /federation?Action=login}. */
    CONSOLE_LOGIN(Service.FEDERATION),
    /** Anything the emulator does not know; answered with 404 (or an STS {@code InvalidAction}). */
    UNKNOWN(Service.WEB);

    /** The wire protocol family an operation belongs to; decides how errors are rendered. */
    public enum Service {
        /** SSO OIDC, restJson1 with OAuth-style {@code error}/{@code error_description} bodies. */
        OIDC,
        /** SSO portal, restJson1 with {@code message} bodies. */
        PORTAL,
        /** STS, awsQuery with XML bodies. */
        STS,
        /** The console federation endpoint, plain JSON. */
        FEDERATION,
        /** HTML pages a person (or a headless browser) visits. */
        WEB
    }

    private final Service service;

    Operation(Service service) {
        this.service = service;
    }

    /** The protocol family of this operation. */
    public Service service() {
        return service;
    }
}
