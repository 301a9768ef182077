import io.awssso.core.EcsServer;
import io.awssso.core.EcsServerOptions;

/**
 * Starts the ECS credentials server for run-ecs-benchmark.sh (launched as a single-file program on
 * aws-sso-core's class path): prints {@code port=<n>} and serves until killed.
 *
 * <p>Arguments: bearer token, then optionally the number of handler threads.
 */
public final class EcsBenchmarkServer {
    private EcsBenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        EcsServerOptions.Builder options = EcsServerOptions.builder().port(0).bearerToken(args[0]);
        if (args.length > 1) {
            options.threads(Integer.parseInt(args[1]));
        }
        EcsServer server = EcsServer.start(options.build());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("port=" + server.port() + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        server.awaitClosed();
    }
}
