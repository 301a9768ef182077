package io.awssso.testkit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request the {@link IdentityCenterEmulator} answered, as kept in its
 * {@linkplain IdentityCenterEmulator#callLog() call log}. Holds no secrets: tokens, keys and codes
 * are never recorded here.
 *
 * @param sequence   the order of arrival, from 1
 * @param time       when it arrived, by the emulator's clock
 * @param operation  what was called
 * @param status     the HTTP status answered
 * @param errorCode  the error type answered (e.g. {@code TooManyRequestsException},
 *                   {@code AuthorizationPendingException}, {@code AccessDenied}), or {@code null}
 * @param parameters the key non-secret parameters, under the names of the constants in this class
 */
public record Call(long sequence, Instant time, Operation operation, int status, String errorCode,
                   Map<String, String> parameters) {

    /** Parameter key: the account id of a portal call or of an AssumeRole target. */
    public static final String ACCOUNT_ID = "accountId";
    /** Parameter key: the role name of a portal call or of an AssumeRole target. */
    public static final String ROLE_NAME = "roleName";
    /** Parameter key: the {@code grantType} of a CreateToken call. */
    public static final String GRANT_TYPE = "grantType";
    /** Parameter key: the OIDC client id. */
    public static final String CLIENT_ID = "clientId";
    /** Parameter key: the {@code RoleArn} of an AssumeRole call. */
    public static final String ROLE_ARN = "roleArn";
    /** Parameter key: the {@code RoleSessionName} of an AssumeRole call. */
    public static final String ROLE_SESSION_NAME = "roleSessionName";
    /** Parameter key: the {@code max_result} of a list call. */
    public static final String MAX_RESULTS = "maxResults";
    /** Parameter key: the caller's access key id (STS), which is not a secret. */
    public static final String ACCESS_KEY_ID = "accessKeyId";
    /** Parameter key: the HTTP method. */
    public static final String METHOD = "method";
    /** Parameter key: the request path. */
    public static final String PATH = "path";

    /** Copies the parameters. */
    public Call {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(operation, "operation");
        parameters = Map.copyOf(parameters);
    }

    /** A parameter by key, or {@code null}. */
    public String parameter(String key) {
        return parameters.get(key);
    }

    /** The account id parameter, or {@code null}. */
    public String accountId() {
        return parameters.get(ACCOUNT_ID);
    }

    /** The role name parameter, or {@code null}. */
    public String roleName() {
        return parameters.get(ROLE_NAME);
    }

    /** The grant type parameter, or {@code null}. */
    public String grantType() {
        return parameters.get(GRANT_TYPE);
    }

    /** Whether the call was answered with a 2xx or 3xx status. */
    public boolean succeeded() {
        return status < 400;
    }

    /**
     * Whether the call was throttled: a 429, an OIDC {@code SlowDownException} or an STS
     * {@code Throttling} error.
     */
    public boolean throttled() {
        return status == 429 || "SlowDownException".equals(errorCode) || "Throttling".equals(errorCode);
    }
}
