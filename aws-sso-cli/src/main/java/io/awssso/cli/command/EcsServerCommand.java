package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.RoleSelector;
import io.awssso.core.AwsSso;
import io.awssso.core.EcsServer;
import io.awssso.core.EcsServerOptions;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso ecs server}: runs the ECS credentials server in the foreground until SIGINT or
 * SIGTERM, then stops cleanly and exits 0. It serves only what is loaded into it (in memory).
 */
@Command(name = "server", description = {
        "Run the ECS credentials server in the foreground (stop it with Ctrl-C or SIGTERM; exits 0).",
        "It serves credentials loaded with `aws-sso ecs load` (or --default) to AWS SDKs, keeps "
        + "them in memory only, and requires 'Authorization: Bearer <token>' when `setup ecs auth` "
        + "stored a token. With a pair stored by `setup ecs ssl` it serves HTTPS: most AWS SDKs do "
        + "not trust a self-signed certificate for container credentials, so --disable-ssl on "
        + "127.0.0.1 is the practical choice for them.",
        "Requests whose Host header names another site are refused (DNS rebinding); add names with"
        + " --allowed-host. With --allow-remote a bearer token is required: one is generated and stored"
        + " when none is."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso ecs server",
                "  aws-sso ecs server --default 012345678901:ReadOnlyAccess --port 4145",
                "  ssh -R 4144:localhost:4144 build-host   # then export the variables there",
                "  aws-sso ecs server --bind-ip 0.0.0.0 --allow-remote --allowed-host build-box.lan"})
public final class EcsServerCommand implements Callable<Integer> {
    /** The variable that adds allowed host names, comma-separated, to {@code --allowed-host}. */
    static final String ALLOWED_HOSTS_VARIABLE = "AWS_SSO_ECS_ALLOWED_HOSTS";

    @Option(names = "--bind-ip", paramLabel = "<ip>", defaultValue = "127.0.0.1",
            description = "IP address to listen on (default: ${DEFAULT-VALUE}). Any address other than"
                    + " loopback needs --allow-remote.")
    private String bindIp;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "4144",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = {"-d", "--default"}, paramLabel = "<profile>",
            description = "Load this profile's credentials into the default slot at start (needs a login).")
    private String defaultProfile;

    @Option(names = "--disable-auth",
            description = "Serve every request, ignoring the stored bearer token (any local process can"
                    + " read the credentials).")
    private boolean disableAuth;

    @Option(names = "--disable-ssl", description = "Serve plain HTTP even when a TLS pair is stored.")
    private boolean disableSsl;

    @Option(names = "--allow-remote",
            description = "Allow a --bind-ip that other machines can reach: they can then read the loaded"
                    + " credentials if they get past the token.")
    private boolean allowRemote;

    @Option(names = "--allowed-host", paramLabel = "<name>", split = ",",
            description = "A host name clients may use in the URL besides localhost, IP addresses and"
                    + " host.docker.internal (repeatable, or comma-separated; also from $"
                    + EcsServerCommand.ALLOWED_HOSTS_VARIABLE + "). Requests naming any other host are refused.")
    private List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--docker", hidden = true,
            description = "Inside the aws-sso ECS container: listen on 0.0.0.0 and take the token and TLS"
                    + " pair from the one-time file `ecs docker start` wrote (then delete it).")
    private boolean docker;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final CliEnvironment environment;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine (store, credentials for --default)
     * @param environment the run's environment (HOME for --docker)
     * @param terminal where messages go (stderr)
     */
    @Inject
    public EcsServerCommand(Engine engine, CliEnvironment environment, Terminal terminal) {
        this.engine = engine;
        this.environment = environment;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter err = terminal.err();
        if (docker) {
            return runInContainer();
        }
        boolean remote = reachableFromOtherMachines(bindIp);
        if (remote && !allowRemote) {
            throw new ParameterException(spec.commandLine(), "--bind-ip " + bindIp + " is reachable from other"
                    + " machines, and so would be the loaded credentials; add --allow-remote if that is intended");
        }
        if (remote && disableAuth) {
            throw new ParameterException(spec.commandLine(), "--disable-auth is refused with --bind-ip " + bindIp
                    + ": every machine that can reach it could read the loaded credentials");
        }
        AwsSso sso = engine.get();
        // Fetch first: a missing login fails before anything listens.
        Optional<EcsLoadCommand.Loaded> preload = Optional.ofNullable(defaultProfile).filter(p -> !p.isBlank())
                .map(p -> EcsLoadCommand.Loaded.of(sso, RoleSelector.byProfile(sso, p), false));
        if (remote) {
            EcsBearerTokens.ensure(sso, err, "http://<this host>:" + port + "/", false);
        }
        EcsServer server = sso.ecs().startServer(EcsServerOptions.builder().bindAddress(bindIp).port(port)
                .disableAuth(disableAuth).disableTls(disableSsl).allowedHosts(allowedHosts(List.of())).build());
        try (StopSignals stop = StopSignals.install(server::close)) {
            preload.ifPresent(l -> server.loadDefault(l.profileName(), l.credentials()));
            boolean token = server.authEnabled() && sso.ecs().bearerToken().isPresent();
            if (remote) {
                err.println("WARNING: listening on " + bindIp + ": other machines can reach this server.");
            }
            announce(err, server, token, preload.map(EcsLoadCommand.Loaded::profileName));
            server.awaitClosed();
            err.printf("ECS server stopped%s; the loaded credentials are gone.%n",
                    stop.received() == null ? "" : " (" + stop.received() + ")");
        } finally {
            server.close();
        }
        return ExitCode.OK.code();
    }

    private void announce(PrintWriter err, EcsServer server, boolean token, Optional<String> preloaded) {
        if (!server.authEnabled()) {
            err.println("WARNING: authentication is DISABLED (--disable-auth): any process that can reach"
                    + " the server can read the loaded credentials.");
        } else if (!token) {
            err.println("WARNING: NO BEARER TOKEN IS CONFIGURED: any local process can read the loaded"
                    + " credentials. Set one with `aws-sso setup ecs auth -t <token>` and restart.");
        }
        err.printf("Listening on %s (auth: %s, TLS: %s)%n", server.uri(),
                !server.authEnabled() ? "disabled" : token ? "bearer token" : "none",
                server.tls() ? "on" : "off");
        preloaded.ifPresent(p -> err.printf("Loaded %s into the default slot.%n", p));
        err.println("Point AWS SDKs at it with:");
        err.println("  export AWS_CONTAINER_CREDENTIALS_FULL_URI=" + server.uri());
        if (token) {
            err.println("  export " + EcsBearerTokens.EXPORT_HINT);
        } else if (server.authEnabled()) {
            err.println("  unset AWS_CONTAINER_AUTHORIZATION_TOKEN");
        }
        err.println("  unset AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (server.tls()) {
            err.println("The certificate must be trusted by the SDK (`aws-sso setup ecs ssl --print` shows it).");
        }
        err.println("Load credentials with `aws-sso ecs load`; stop with Ctrl-C.");
        err.flush();
    }

    /** Runs as the container's entry point: token and TLS pair from the one-time secrets file. */
    private int runInContainer() {
        DockerSecrets secrets = DockerSecrets.readAndDelete(DockerSecrets.file(environment.home()));
        if (disableAuth || secrets.bearerToken() == null) {
            // Other containers, and whatever reaches the published port, could read the credentials.
            throw new io.awssso.api.AwsSsoException("the ECS server in a container needs a bearer token"
                    + (disableAuth ? " (--disable-auth is refused there)" : ", and the secrets file has none")
                    + ": start it with `aws-sso ecs docker start`, which hands over the stored token (or a new one)");
        }
        // Inside a container only the published port is reachable, and only on the container's interfaces.
        var parsed = spec.commandLine().getParseResult();
        String address = parsed.hasMatchedOption("--bind-ip") ? bindIp : "0.0.0.0";
        int containerPort = parsed.hasMatchedOption("--port") ? port
                : environment.get("AWS_SSO_ECS_PORT").map(Integer::parseInt).orElse(port);
        EcsServerOptions.Builder options = EcsServerOptions.builder().bindAddress(address).port(containerPort)
                .disableTls(disableSsl).bearerToken(secrets.bearerToken())
                .allowedHosts(allowedHosts(containerNames()));
        if (!disableSsl && secrets.hasTls()) {
            options.tls(secrets.certChain(), secrets.privateKey());
        }
        PrintWriter err = terminal.err();
        EcsServer server = EcsServer.start(options.build());
        try (StopSignals stop = StopSignals.install(server::close)) {
            announce(err, server, true, Optional.empty());
            server.awaitClosed();
            err.printf("ECS server stopped%s.%n", stop.received() == null ? "" : " (" + stop.received() + ")");
        } finally {
            server.close();
        }
        return ExitCode.OK.code();
    }

    /** The names from --allowed-host and the environment, then {@code extra}. */
    private List<String> allowedHosts(List<String> extra) {
        List<String> names = new ArrayList<>(allowedHosts);
        environment.get(ALLOWED_HOSTS_VARIABLE).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::strip).filter(n -> !n.isEmpty()).forEach(names::add));
        names.addAll(extra);
        return names;
    }

    /**
     * The names other containers use for this one: its container name (aws-sso-cli's Docker Compose
     * example uses {@code http://aws-sso-cli-ecs-server:4144/}) and its host name.
     */
    private List<String> containerNames() {
        List<String> names = new ArrayList<>(List.of(EcsDockerCommand.CONTAINER));
        environment.get("HOSTNAME").map(String::strip).filter(h -> h.length() <= 253
                && h.matches("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*"))
                .ifPresent(names::add);
        return names;
    }

    /**
     * Whether an IP literal is other than loopback (so other machines may reach it). Host names are
     * not judged here: the server refuses them, as resolving one could pick any interface.
     */
    static boolean reachableFromOtherMachines(String ip) {
        String a = ip.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (!a.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            return !InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
