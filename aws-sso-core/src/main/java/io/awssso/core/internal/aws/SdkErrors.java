package io.awssso.core.internal.aws;

import io.awssso.api.AwsSsoException;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.IdentityCenterException.Reason;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.ThrottledException;
import java.io.IOException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Turns SDK exceptions into the aws-sso exception tree. Messages are built only from the service's
 * error code and description, the operation, and the account or role concerned, never from a
 * request; any secret of the call that still slips into the text is masked.
 */
final class SdkErrors {
    private static final String MASK = "****";

    private SdkErrors() {
    }

    /**
     * Where a call went and what it was about.
     *
     * @param service the service called
     * @param operation the API operation, for example {@code ListAccountRoles}
     * @param subject what the call concerned ({@code account 0123...}), or {@code null}
     * @param instance the SSO instance name
     * @param region the region the SDK client was built for
     * @param endpoint the endpoint the SDK last sent to, or {@code null}
     * @param secrets the call's secrets, masked out of any text taken from the SDK
     */
    record Call(AwsService service, String operation, String subject, String instance, String region,
            String endpoint, String... secrets) {
    }

    /** The aws-sso exception for an SDK exception thrown by {@code call}. */
    static AwsSsoException map(Call call, SdkException e) {
        if (e instanceof SdkClientException) {
            return unreachable(call, (SdkClientException) e);
        }
        if (!(e instanceof SdkServiceException)) {
            return new AwsSsoException(describe(call) + " failed: "
                    + redact(firstLine(e.getMessage()), call.secrets()), e);
        }
        SdkServiceException se = (SdkServiceException) e;
        String code = errorCode(se);
        int status = se.statusCode();
        String description = redact(description(se), call.secrets());
        switch (call.service()) {
            case OIDC:
                return oidc(call, se, code, status, description);
            case SSO:
                return portal(call, se, code, status, description);
            default:
                return sts(call, se, code, status, description);
        }
    }

    private static AwsSsoException portal(Call call, SdkServiceException e, String code, int status,
            String description) {
        if ("UnauthorizedException".equals(code) || status == 401) {
            return new LoginRequiredException("the SSO session of instance '" + call.instance()
                    + "' has expired or was ended; run `aws-sso login`", e);
        }
        if (e.isThrottlingException() || "TooManyRequestsException".equals(code)) {
            return throttled(call, e);
        }
        if ("ResourceNotFoundException".equals(code) || status == 404) {
            return new IdentityCenterException(Reason.NOT_FOUND, call.service().displayName() + " "
                    + call.operation() + ": " + (call.subject() == null ? "not found" : call.subject()
                    + " was not found or is not assigned to you") + suffix(description, code, status), e);
        }
        if (status == 403) {
            return new IdentityCenterException(Reason.FORBIDDEN, describe(call) + " was denied"
                    + suffix(description, code, status), e);
        }
        return other(call, code, status, description, e);
    }

    private static AwsSsoException oidc(Call call, SdkServiceException e, String code, int status,
            String description) {
        String error = oauthError(e, code);
        Reason reason;
        String what;
        switch (error) {
            case "authorization_pending":
                reason = Reason.AUTHORIZATION_PENDING;
                what = "the login has not been approved yet";
                break;
            case "slow_down":
                reason = Reason.SLOW_DOWN;
                what = "polling too fast; wait longer between attempts";
                break;
            case "expired_token":
                reason = Reason.EXPIRED_TOKEN;
                what = "the login request expired; start the login again";
                break;
            case "access_denied":
                reason = Reason.ACCESS_DENIED;
                what = "the login was denied";
                break;
            case "invalid_grant":
                reason = Reason.INVALID_GRANT;
                what = "the grant is no longer valid (the SSO session may have ended); log in again";
                break;
            case "invalid_client":
                reason = Reason.INVALID_CLIENT;
                what = "the OIDC client registration is unknown or expired; register again";
                break;
            default:
                if (e.isThrottlingException()) {
                    return throttled(call, e);
                }
                return other(call, code, status, description, e);
        }
        return new IdentityCenterException(reason, describe(call) + ": " + what
                + suffix(description, code, status), e);
    }

    private static AwsSsoException sts(Call call, SdkServiceException e, String code, int status,
            String description) {
        if (e.isThrottlingException()) {
            return throttled(call, e);
        }
        if ("AccessDenied".equals(code) || "AccessDeniedException".equals(code) || status == 403) {
            return new IdentityCenterException(Reason.FORBIDDEN, describe(call) + " was denied"
                    + (call.subject() == null ? "" : " for " + call.subject())
                    + "; check the role's trust policy" + suffix(description, code, status), e);
        }
        if ("ExpiredTokenException".equals(code) || "ExpiredToken".equals(code)) {
            return new IdentityCenterException(Reason.OTHER, describe(call)
                    + " failed: the source role credentials have expired; fetch fresh ones and retry"
                    + suffix(description, code, status), e);
        }
        return other(call, code, status, description, e);
    }

    private static AwsSsoException throttled(Call call, SdkServiceException e) {
        Integer attempts = e.numAttempts();
        return new ThrottledException("IAM Identity Center throttled " + describe(call)
                + " (HTTP " + e.statusCode() + ")"
                + (attempts == null ? "" : " after " + attempts + (attempts == 1 ? " attempt" : " attempts"))
                + "; try again later, use fewer Threads, or raise MaxRetry/MaxBackoff", e);
    }

    private static AwsSsoException other(Call call, String code, int status, String description,
            SdkServiceException e) {
        return new IdentityCenterException(Reason.OTHER, describe(call) + " failed"
                + suffix(description, code, status), e);
    }

    private static AwsSsoException unreachable(Call call, SdkClientException e) {
        String where = call.endpoint() == null
                ? "in region " + call.region()
                : "at " + call.endpoint() + " (region " + call.region() + ")";
        return new AwsSsoException("could not call " + call.service().displayName() + " "
                + call.operation() + " " + where + ": "
                + redact(rootCause(e), call.secrets())
                + "; check the network and proxy settings, the SSORegion of instance '"
                + call.instance() + "', and " + call.service().endpointVariable() + " if it is set", e);
    }

    private static String describe(Call call) {
        return call.service().displayName() + " " + call.operation()
                + (call.subject() == null || call.service() == AwsService.STS ? "" : " for " + call.subject());
    }

    private static String suffix(String description, String code, int status) {
        StringBuilder b = new StringBuilder();
        if (description != null && !description.isBlank()) {
            b.append(": ").append(description.strip());
        }
        b.append(" (").append(code == null ? "no error code" : code).append(", HTTP ").append(status)
                .append(')');
        return b.toString();
    }

    /** The error code, without the namespace prefix or URI suffix some services attach. */
    private static String errorCode(SdkServiceException e) {
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            String code = ((AwsServiceException) e).awsErrorDetails().errorCode();
            if (code != null) {
                int colon = code.indexOf(':');
                code = colon >= 0 ? code.substring(0, colon) : code;
                int hash = code.lastIndexOf('#');
                return hash >= 0 ? code.substring(hash + 1) : code;
            }
        }
        return null;
    }

    /**
     * The OAuth error of an OIDC answer: the body's {@code error} member, else derived from the
     * exception type ({@code AuthorizationPendingException} becomes {@code authorization_pending}).
     */
    private static String oauthError(SdkServiceException e, String code) {
        String error = stringField(e, "error");
        if (error != null && !error.isBlank()) {
            return error.strip().toLowerCase(Locale.ROOT);
        }
        if (code == null) {
            return "";
        }
        String type = code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length()) : code;
        return type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The service's own explanation. OIDC errors carry it in {@code error_description} and leave
     * the SDK's {@code errorMessage()} null; portal and STS errors carry a {@code message}.
     */
    private static String description(SdkServiceException e) {
        String d = stringField(e, "error_description");
        if (d != null && !d.isBlank()) {
            return d;
        }
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            return ((AwsServiceException) e).awsErrorDetails().errorMessage();
        }
        return null;
    }

    private static String stringField(SdkServiceException e, String locationName) {
        for (SdkField<?> f : e.sdkFields()) {
            if (locationName.equals(f.locationName())) {
                Object v = f.getValueOrDefault(e);
                return v instanceof String ? (String) v : null;
            }
        }
        return null;
    }

    /**
     * What went wrong on the wire: the innermost I/O error if there is one ({@code Connection
     * refused}, an unknown host, a timeout), else the SDK's own first line.
     */
    private static String rootCause(SdkClientException e) {
        IOException io = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException) {
                io = (IOException) t;
            }
        }
        if (io != null) {
            String m = io.getMessage();
            return io.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + firstLine(m));
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no details";
        }
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Masks every known secret of the call in text that came from outside our control. */
    static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}
