package io.awssso.testkit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link IdentityCenterEmulator} as a standalone process, for demos, the AWS CLI and the
 * benchmarks. Once listening it prints one line of JSON to stdout,
 * {@code {"endpoint":"http://127.0.0.1:PORT","startUrl":"...","region":"us-east-1","pid":123}},
 * logs to stderr, and runs until it is killed (SIGTERM and SIGINT close it cleanly).
 *
 * <pre>
 * --port N               port on 127.0.0.1 (default 0: ephemeral)
 * --accounts N           generated accounts (default 10)
 * --roles-per-account N  roles per generated account (default 3)
 * --rate-limit RPS       token-bucket limit for each portal operation (default: none)
 * --burst N              bucket size for --rate-limit (default: RPS rounded up)
 * --latency-ms N         delay added to every call (default 0)
 * --failure-rate F       fraction of portal calls answered with 500 (default 0)
 * --seed N               seed for --failure-rate (default 42)
 * --auto-approve         approve sign-ins automatically (the default)
 * --manual-approve       wait for "Allow" on the verification or authorize page
 * --region R             region to claim (default us-east-1)
 * --threads N            worker threads (default 64)
 * --verbose              log every call (operation, status, error, parameters; never secrets) to stderr
 * </pre>
 *
 * <p>The call log is not kept (nobody can read it from outside, and a benchmark would make it grow
 * without bound).
 */
public final class EmulatorMain {
    private static final EnumSet<Operation> PORTAL = EnumSet.of(Operation.LIST_ACCOUNTS,
            Operation.LIST_ACCOUNT_ROLES, Operation.GET_ROLE_CREDENTIALS, Operation.LOGOUT);

    private EmulatorMain() {
    }

    /** Starts the emulator and blocks until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        IdentityCenterEmulator emulator;
        try {
            emulator = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        announce(emulator, System.out);
        System.err.println("IdentityCenterEmulator listening on " + emulator.endpoint() + " with "
                + emulator.accounts().size() + " accounts; stop it with SIGTERM");
        stopped.await();
    }

    /** Parses the flags and starts an emulator. */
    static IdentityCenterEmulator start(String[] args) {
        IdentityCenterEmulator.Builder b = IdentityCenterEmulator.builder().recordCalls(false);
        int accounts = 10;
        int roles = 3;
        double rate = 0;
        int burst = 0;
        long latency = 0;
        double failures = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.port(intArg(args, ++i, a));
                case "--accounts" -> accounts = intArg(args, ++i, a);
                case "--roles-per-account" -> roles = intArg(args, ++i, a);
                case "--rate-limit" -> rate = doubleArg(args, ++i, a);
                case "--burst" -> burst = intArg(args, ++i, a);
                case "--latency-ms" -> latency = intArg(args, ++i, a);
                case "--failure-rate" -> failures = doubleArg(args, ++i, a);
                case "--seed" -> b.seed(intArg(args, ++i, a));
                case "--auto-approve" -> b.approval(Approval.automatic());
                case "--manual-approve" -> b.approval(Approval.manual());
                case "--region" -> b.region(arg(args, ++i, a));
                case "--threads" -> b.threads(intArg(args, ++i, a));
                case "--verbose" -> b.callListener(c -> System.err.println(c.time() + " " + c.operation() + " "
                        + c.status() + (c.errorCode() == null ? "" : " " + c.errorCode()) + " " + c.parameters()));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        b.generateAccounts(accounts, roles);
        for (Operation op : Operation.values()) {
            if (latency > 0) {
                b.latency(op, Duration.ofMillis(latency));
            }
        }
        for (Operation op : PORTAL) {
            if (rate > 0) {
                b.rateLimit(op, rate, burst > 0 ? burst : (int) Math.ceil(rate));
            }
            if (failures > 0) {
                b.failureRate(op, failures);
            }
        }
        return b.build().start();
    }

    static void announce(IdentityCenterEmulator emulator, PrintStream out) {
        out.println("{\"endpoint\":\"" + emulator.endpoint() + "\",\"startUrl\":\"" + emulator.startUrl()
                + "\",\"region\":\"" + emulator.region() + "\",\"pid\":" + ProcessHandle.current().pid() + "}");
        out.flush();
    }

    private static String arg(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int intArg(String[] args, int i, String flag) {
        try {
            return Integer.parseInt(arg(args, i, flag));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got " + args[i]);
        }
    }

    private static double doubleArg(String[] args, int i, String flag) {
        try {
            return Double.parseDouble(arg(args, i, flag));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + args[i]);
        }
    }
}
