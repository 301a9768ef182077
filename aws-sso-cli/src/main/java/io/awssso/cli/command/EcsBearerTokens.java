package io.awssso.cli.command;

import io.awssso.core.AwsSso;
import io.awssso.core.EcsServer;
import java.io.PrintWriter;

/**
 * The bearer token that the ECS server's docker and remote modes require (issue 13, item 1): a
 * server reachable from containers or other machines must not serve whoever connects. When none is
 * stored, one is generated and stored where {@code setup ecs auth} keeps it, and the user is told
 * how a client gets it; the token itself is never printed here.
 */
final class EcsBearerTokens {
    /** How a client of the server puts the stored token into the variable AWS SDKs read. */
    static final String EXPORT_HINT = "AWS_CONTAINER_AUTHORIZATION_TOKEN=\"Bearer $(aws-sso setup ecs auth --print)\"";

    private EcsBearerTokens() {
    }

    /**
     * The stored token, or a new one stored now.
     *
     * @param sso the library (its secure store)
     * @param err where the notice of a new token goes
     * @param url the server's URL as its clients should use it, for the example
     * @param hostNetwork whether the example container shares the host's network (so that a port
     *     published on 127.0.0.1 is reachable from it)
     */
    static String ensure(AwsSso sso, PrintWriter err, String url, boolean hostNetwork) {
        var stored = sso.ecs().bearerToken();
        if (stored.isPresent()) {
            return stored.get();
        }
        String token = EcsServer.newBearerToken();
        sso.ecs().storeBearerToken(token);
        err.println("No ECS bearer token was stored, and this server is reachable from containers or other"
                + " machines: generated one and stored it (as `aws-sso setup ecs auth -t` does).");
        err.println("A container or remote client gets it with `aws-sso setup ecs auth --print`, for example:");
        err.println("  docker run" + (hostNetwork ? " --network host" : "") + " -e AWS_CONTAINER_CREDENTIALS_FULL_URI="
                + url + " \\");
        err.println("    -e " + EXPORT_HINT + " <image>");
        err.flush();
        return token;
    }
}
