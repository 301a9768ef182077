import io.awssso.core.EcsServer;
import io.awssso.core.EcsServerOptions;

/**
 * Starts the ECS credentials server for run-ecs-benchmark.sh (launched as a single-file program on
 * aws-sso-core's class path): prints {@code port=<n>} and serves until killed.
 *
 * <p>Argument: the bearer token. (Each connection has its own thread, so there is no pool size to set.)
 */
public final class EcsBenchmarkServer {
    private EcsBenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        EcsServer server = EcsServer.start(EcsServerOptions.builder().port(0).bearerToken(args[0]).build());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("port=" + server.port() + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        server.awaitClosed();
    }
}
