package io.awssso.cli.command;

import io.awssso.cli.options.FromEnvironment;
import io.awssso.core.AwsSso;
import io.awssso.core.EcsClient;
import picocli.CommandLine.Option;

/** The {@code --server} option of the {@code ecs} client commands. */
final class EcsServerAddress {
    @FromEnvironment("AWS_SSO_ECS_SERVER")
    @Option(names = "--server", paramLabel = "<host:port>",
            description = "The ECS server: host:port or an http(s):// URL (env: AWS_SSO_ECS_SERVER;"
                    + " default: localhost:4144). Without a scheme, HTTPS is used when a certificate is"
                    + " stored with `setup ecs ssl`.")
    String server;

    /** A client for the server given, else the library's default ({@code AWS_SSO_ECS_SERVER}, then localhost:4144). */
    EcsClient client(AwsSso sso) {
        return server == null || server.isBlank() ? sso.ecs().client() : sso.ecs().client(server);
    }
}
