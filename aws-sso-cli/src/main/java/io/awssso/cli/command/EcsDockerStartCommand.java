package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.BuildInfo;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.GlobalOptions;
import io.awssso.cli.options.LogLevel;
import io.awssso.cli.options.RoleSelector;
import io.awssso.core.AwsSso;
import io.awssso.core.EcsClient;
import io.awssso.core.EcsServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso ecs docker start}: runs the ECS credentials server in a Docker container named
 * {@value EcsDockerCommand#CONTAINER}, through the {@code docker} client.
 *
 * <p>The image must exist locally. The container gets the port published on
 * {@code <bind-ip>:<port>}, runs as the caller's uid:gid, restarts on failure up to 3 times, and
 * has {@code $HOME/.aws-sso/mnt} mounted at {@code /app/.aws-sso/mnt}, where a 0600 one-time file
 * hands it the bearer token and TLS pair (the server deletes it once read). Its entry point is
 * {@code aws-sso ecs server --docker}; the flags below that change the server are passed on as
 * arguments.
 */
@Command(name = "start", description = {
        "Start the ECS credentials server in a Docker container (" + EcsDockerCommand.CONTAINER + ").",
        "The image must be present locally (build or pull it first). The bearer token and TLS "
        + "pair from the secure store reach the container through a one-time 0600 file in "
        + "$HOME/.aws-sso/mnt, which the server deletes once read."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso ecs docker start", "  aws-sso ecs docker start --default 012345678901:ReadOnlyAccess",
                "  aws-sso ecs docker stop"})
public final class EcsDockerStartCommand implements Callable<Integer> {
    /**
     * The image the container runs unless {@code --image} says otherwise: aws-sso-cli's name, so an
     * existing setup keeps working; the README says how to build ours under this name.
     */
    static final String DEFAULT_IMAGE = "synfinatic/aws-sso-cli-ecs-server";
    /** The port the server listens on inside the container. */
    static final int CONTAINER_PORT = 4144;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Option(names = "--bind-ip", paramLabel = "<ip>", defaultValue = "127.0.0.1",
            description = "Host IP address to publish the port on (default: ${DEFAULT-VALUE}); other than"
                    + " loopback needs --allow-remote.")
    private String bindIp;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "4144",
            description = "Host port to publish (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--image", paramLabel = "<image>", defaultValue = DEFAULT_IMAGE,
            description = "Image to run, without the tag (default: ${DEFAULT-VALUE}).")
    private String image;

    @Option(names = "--version", paramLabel = "<tag>",
            description = "Image tag (default: v<this aws-sso version>).")
    private String version;

    @Option(names = {"-d", "--default"}, paramLabel = "<profile>",
            description = "Load this profile's credentials into the default slot once the server answers.")
    private String defaultProfile;

    @Option(names = "--disable-auth", hidden = true,
            description = "Refused: the server in a container always requires the bearer token.")
    private boolean disableAuth;

    @Option(names = "--allowed-host", paramLabel = "<name>", split = ",",
            description = "A host name clients may use in the URL besides localhost, IP addresses,"
                    + " host.docker.internal and " + EcsDockerCommand.CONTAINER + " (repeatable, or comma-separated).")
    private List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--disable-ssl", description = "Serve plain HTTP even when a TLS pair is stored.")
    private boolean disableSsl;

    @Option(names = "--allow-remote", description = "Allow a --bind-ip that other machines can reach.")
    private boolean allowRemote;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final CliEnvironment environment;
    private final Terminal terminal;
    private final GlobalOptions globalOptions;
    private final BuildInfo buildInfo;

    /**
     * Creates the command.
     *
     * @param engine the library engine (bearer token and TLS pair, credentials for --default)
     * @param environment the run's environment (PATH, HOME, DOCKER_HOST, ...)
     * @param terminal where messages go (stderr)
     * @param globalOptions the log level, passed on to the container's server at debug and trace
     * @param buildInfo this build's version, the default image tag
     */
    @Inject
    public EcsDockerStartCommand(Engine engine, CliEnvironment environment, Terminal terminal,
            GlobalOptions globalOptions, BuildInfo buildInfo) {
        this.engine = engine;
        this.environment = environment;
        this.terminal = terminal;
        this.globalOptions = globalOptions;
        this.buildInfo = buildInfo;
    }

    @Override
    public Integer call() {
        boolean remote = EcsServerCommand.reachableFromOtherMachines(bindIp);
        if (remote && !allowRemote) {
            throw new ParameterException(spec.commandLine(), "--bind-ip " + bindIp + " is reachable from other"
                    + " machines, and so would be the loaded credentials; add --allow-remote if that is intended");
        }
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 1 to 65535, got " + port);
        }
        if (disableAuth) {
            throw new ParameterException(spec.commandLine(), "--disable-auth is refused for the server in a"
                    + " container: other containers and anything that reaches the published port could read the"
                    + " loaded credentials (a bearer token is generated and stored when none is)");
        }
        Docker docker = Docker.find(environment);
        String reference = image + ":" + (version != null && !version.isBlank() ? version : "v" + buildInfo.version());
        Docker.Result inspect = docker.run(List.of("image", "inspect", "--format", "{{.Id}}", reference));
        if (!inspect.ok()) {
            throw new AwsSsoException("the image " + reference + " is not available locally: build or pull it first"
                    + " (" + inspect.reason() + ")");
        }
        AwsSso sso = engine.get();
        Optional<EcsLoadCommand.Loaded> preload = Optional.ofNullable(defaultProfile).filter(p -> !p.isBlank())
                .map(p -> EcsLoadCommand.Loaded.of(sso, RoleSelector.byProfile(sso, p), false));
        Optional<EcsServer.TlsPair> tls = disableSsl ? Optional.empty() : sso.ecs().tls();
        String host = isAnyLocal(bindIp) ? "127.0.0.1" : bracketed(bindIp);
        String server = (tls.isPresent() ? "https://" : "http://") + host + ":" + port;
        String token = EcsBearerTokens.ensure(sso, terminal.err(), server + "/", !reachableFromOtherMachines());
        Path secrets = DockerSecrets.file(environment.home());
        new DockerSecrets(token, tls.map(EcsServer.TlsPair::certChainPem).orElse(null),
                tls.map(EcsServer.TlsPair::privateKeyPem).orElse(null)).write(secrets);
        boolean created = false;
        try {
            Docker.Result create = docker.run(createArguments(reference, secrets));
            if (!create.ok()) {
                throw new AwsSsoException("cannot create the container " + EcsDockerCommand.CONTAINER + ": "
                        + create.reason() + " (if it exists already, run `aws-sso ecs docker stop` first)");
            }
            created = true;
            Docker.Result start = docker.run(List.of("start", EcsDockerCommand.CONTAINER));
            if (!start.ok()) {
                throw new AwsSsoException("cannot start the container " + EcsDockerCommand.CONTAINER + ": "
                        + start.reason());
            }
            if (preload.isPresent()) {
                EcsClient client = EcsClient.create(server, token, tls.map(EcsServer.TlsPair::certChainPem).orElse(null));
                loadWhenReady(client, preload.get());
            }
            announce(server, preload);
        } catch (RuntimeException e) {
            deleteQuietly(secrets);
            if (created) {
                docker.run(List.of("rm", "--force", EcsDockerCommand.CONTAINER));
            }
            throw e;
        }
        return ExitCode.OK.code();
    }

    private List<String> createArguments(String reference, Path secrets) {
        List<String> args = new ArrayList<>(List.of("create", "--name", EcsDockerCommand.CONTAINER,
                "--network", "bridge",
                "--publish", bracketed(bindIp) + ":" + port + ":" + CONTAINER_PORT + "/tcp",
                "--env", "AWS_SSO_ECS_PORT=" + CONTAINER_PORT,
                "--env", "HOME=/app",
                "--restart", "on-failure:3",
                "--volume", secrets.getParent() + ":/app/" + DockerSecrets.MOUNT));
        owner(secrets).ifPresent(user -> {
            args.add("--user");
            args.add(user);
        });
        args.add(reference);
        // The image's entry point is `aws-sso ecs server --docker`; these are appended to it.
        for (String name : allowedHosts) {
            args.add("--allowed-host");
            args.add(name);
        }
        if (disableSsl) {
            args.add("--disable-ssl");
        }
        globalOptions.explicitLevel().filter(l -> l.includes(LogLevel.DEBUG))
                .ifPresent(l -> args.addAll(List.of("--level", l.name().toLowerCase(java.util.Locale.ROOT))));
        return args;
    }

    /** uid:gid of the secrets file, so the container's user can read (and delete) it. */
    private static Optional<String> owner(Path file) {
        try {
            return Optional.of(Files.getAttribute(file, "unix:uid") + ":" + Files.getAttribute(file, "unix:gid"));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** Waits for the server to answer at all, loads the profile, then waits until it serves it. */
    private void loadWhenReady(EcsClient client, EcsLoadCommand.Loaded loaded) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                client.profile();
                break;
            } catch (AwsSsoException e) {
                if (!(e.getCause() instanceof IOException) || Instant.now().isAfter(deadline)) {
                    throw new AwsSsoException("the ECS server in the container did not become ready: "
                            + e.getMessage(), e);
                }
                pause();
            }
        }
        client.load(loaded.profileName(), loaded.credentials(), false);
        while (client.profile().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AwsSsoException("the ECS server in the container does not serve " + loaded.profileName()
                        + " after loading it");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while waiting for the ECS server", e);
        }
    }

    private void announce(String server, Optional<EcsLoadCommand.Loaded> preload) {
        PrintWriter err = terminal.err();
        err.printf("Started the container %s; the ECS server listens on %s/%n", EcsDockerCommand.CONTAINER, server);
        preload.ifPresent(p -> err.printf("Loaded %s into the default slot.%n", p.profileName()));
        err.println("Point AWS SDKs at it with:");
        err.println("  export AWS_CONTAINER_CREDENTIALS_FULL_URI=" + server + "/");
        err.println("  export " + EcsBearerTokens.EXPORT_HINT);
        err.println("  unset AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        err.println("Stop it with `aws-sso ecs docker stop`.");
    }

    private boolean reachableFromOtherMachines() {
        return EcsServerCommand.reachableFromOtherMachines(bindIp);
    }

    private static boolean isAnyLocal(String ip) {
        String a = ip.strip().replace("[", "").replace("]", "");
        try {
            return a.matches("[0-9a-fA-F:.]+") && java.net.InetAddress.getByName(a).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String bracketed(String ip) {
        String a = ip.strip();
        return a.contains(":") && !a.startsWith("[") ? "[" + a + "]" : a;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: the directory is 0700 and the next start replaces the file
        }
    }
}
