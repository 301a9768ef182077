package io.awssso.cli.command;

import io.awssso.cli.options.FromEnvironment;
import picocli.CommandLine.Option;

/** The {@code --server} option of the {@code ecs} client commands. */
final class EcsServerAddress {
    @FromEnvironment("AWS_SSO_ECS_SERVER")
    @Option(names = "--server", paramLabel = "<host:port>",
            description = "The ECS server: host:port or an http(s):// URL (env: AWS_SSO_ECS_SERVER;"
                    + " default: localhost:4144). Without a scheme, HTTPS is used when a certificate is"
                    + " stored with `setup ecs ssl`.")
    String server;
}
