package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.cli.e2e.CliHarness.Result;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.HttpURLConnection;
import javax.net.ssl.HttpsURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ecs server} as its own ./aws-sso process, driven by the {@code ecs} client commands (each
 * another ./aws-sso process) and by a plain HTTP client, against the Identity Center emulator.
 */
class EcsIT {
    private static final String TOKEN = "e2e-ecs-token-5f3a";
    private static final String ACCOUNT = "012345678901";
    private static final String ADMIN = ACCOUNT + ":AdministratorAccess";
    private static final String READ_ONLY = ACCOUNT + ":ReadOnlyAccess";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliHarness h;
    private final List<ServerProcess> servers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        // A known profile name for --profile and the slot paths.
        h.writeConfig(h.defaultConfig() + "ProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n");
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        for (ServerProcess s : servers) {
            s.process.destroyForcibly();
        }
        h.close();
    }

    /** A running {@code ./aws-sso ecs server}: its process, the URL it announced, its stderr so far. */
    private static final class ServerProcess {
        final Process process;
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch listening = new CountDownLatch(1);
        volatile URI uri;

        ServerProcess(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                        Matcher m = Pattern.compile("^Listening on (\\S+) ").matcher(line);
                        if (m.find()) {
                            uri = URI.create(m.group(1));
                        }
                        // the announcement's last line: everything before it has been read
                        if (line.contains("stop with Ctrl-C")) {
                            listening.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
                listening.countDown();
            }, "ecs-server-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        String stderr() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        /** Sends a signal and waits for the process to end; returns its exit status. */
        int signal(String name) throws Exception {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the server ends after SIG%s", name).isTrue();
            return process.exitValue();
        }
    }

    /** Starts {@code ./aws-sso ecs server args...} on a free port and waits for its "Listening on" line. */
    private ServerProcess server(String... args) throws Exception {
        List<String> command = new ArrayList<>(CliHarness.WITH_DEFAULT_SIGINT);
        command.addAll(List.of(CliHarness.ROOT.resolve("aws-sso").toString(), "ecs", "server", "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(h.home().toFile())
                .redirectOutput(h.home().resolve("server-out.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SSH_"));
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(h.environment());
        ServerProcess s = new ServerProcess(pb.start());
        servers.add(s);
        // A guard against a hang, not a timing assertion.
        assertThat(s.listening.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(s.uri).as("no 'Listening on' line:\n%s", s.stderr()).isNotNull();
        return s;
    }

    /** What a plain HTTP GET got: status and body. */
    private record Reply(int statusCode, String body) {}

    /** GET with the JDK's HttpURLConnection; {@code trust} is the TLS context for HTTPS, or null for the JDK's. */
    private static Reply get(SSLContext trust, URI uri, String authorization) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        if (c instanceof HttpsURLConnection https && trust != null) {
            https.setSSLSocketFactory(trust.getSocketFactory());
        }
        c.setConnectTimeout(30_000);
        c.setReadTimeout(30_000);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Reply(status, body);
    }

    private static Reply get(URI uri, String authorization) throws IOException {
        return get(null, uri, authorization);
    }

    private Result ecs(ServerProcess s, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("ecs"));
        a.addAll(List.of(args));
        a.addAll(List.of("--server", s.uri.toString()));
        return h.run(a.toArray(String[]::new));
    }

    @Test
    void server_withToken_servesWhatEcsLoadLoadedOnlyWithTheBearerToken() throws Exception {
        h.run("setup", "ecs", "auth", "-t", TOKEN);
        ServerProcess s = server();
        assertThat(s.stderr()).contains("auth: bearer token", "TLS: off")
                .contains("export AWS_CONTAINER_CREDENTIALS_FULL_URI=" + s.uri)
                .contains("AWS_CONTAINER_AUTHORIZATION_TOKEN=\"Bearer $(aws-sso setup ecs auth --print)\"")
                .doesNotContain(TOKEN)
                .doesNotContain("NO BEARER TOKEN");

        Result load = ecs(s, "load", "-A", ACCOUNT, "-R", "AdministratorAccess");

        assertThat(load.exitCode()).as("%s", load).isZero();
        JsonNode process = JSON.readTree(h.run("process", "--arn", ADMIN).out());
        Reply ok = get(s.uri, "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode creds = JSON.readTree(ok.body());
        assertThat(creds.path("AccessKeyId").asText()).isEqualTo(process.path("AccessKeyId").asText()).isNotEmpty();
        assertThat(creds.path("SecretAccessKey").asText()).isEqualTo(process.path("SecretAccessKey").asText());
        assertThat(creds.path("Token").asText()).isEqualTo(process.path("SessionToken").asText());
        assertThat(creds.path("Expiration").asText()).endsWith("Z");
        assertThat(get(s.uri, null).statusCode()).isEqualTo(403);
        assertThat(get(s.uri, "Bearer not-the-token").statusCode()).isEqualTo(403);
        assertThat(get(s.uri, TOKEN).statusCode()).as("the 'Bearer ' prefix is required").isEqualTo(403);
        assertThat(Files.readString(h.configDirectory().resolve("cache.json"))).contains("History");
    }

    @Test
    void clients_profileListUnload_printTablesJsonAndTheReferenceMessages() throws Exception {
        h.run("setup", "ecs", "auth", "-t", TOKEN);
        ServerProcess s = server();

        Result emptyList = ecs(s, "list");
        Result noProfile = ecs(s, "profile");
        ecs(s, "load", "--profile", ADMIN);
        Result slotted = ecs(s, "load", "--arn", READ_ONLY, "--slotted");
        Result profile = ecs(s, "profile", "--output", "json");
        Result list = ecs(s, "list");

        assertThat(emptyList.exitCode()).as("%s", emptyList).isZero();
        assertThat(emptyList.out()).isEmpty();
        assertThat(emptyList.err()).contains("No profiles are stored in any named slots.");
        assertThat(noProfile.exitCode()).isEqualTo(1);
        assertThat(noProfile.err()).contains("no profile loaded in ECS Server");
        assertThat(slotted.exitCode()).as("%s", slotted).isZero();
        JsonNode p = JSON.readTree(profile.out());
        assertThat(p.path("ProfileName").asText()).isEqualTo(ADMIN);
        assertThat(p.path("AccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(p.path("RoleName").asText()).isEqualTo("AdministratorAccess");
        assertThat(p.path("Expiration").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        List<String> table = list.out().lines().toList();
        assertThat(table.get(0)).matches("ProfileName +\\| AccountIdPad +\\| RoleName +\\| Expires");
        assertThat(table.get(1)).matches("=+");
        assertThat(table.get(2)).startsWith(READ_ONLY).contains("| " + ACCOUNT + " | ReadOnlyAccess");
        assertThat(table).hasSize(4).last().isEqualTo("");
        URI slot = s.uri.resolve("/slot/" + URLEncoder.encode(READ_ONLY, StandardCharsets.UTF_8));
        assertThat(get(slot, "Bearer " + TOKEN).statusCode()).isEqualTo(200);

        Result unloadSlot = ecs(s, "unload", "-p", READ_ONLY);
        Result unload = ecs(s, "unload");
        Result unloadAgain = ecs(s, "unload");

        assertThat(unloadSlot.exitCode()).as("%s", unloadSlot).isZero();
        assertThat(unload.exitCode()).as("%s", unload).isZero();
        assertThat(get(slot, "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThat(get(s.uri, "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThat(unloadAgain.exitCode()).isEqualTo(1);
        assertThat(unloadAgain.err()).contains("nothing is loaded in the default slot");
        assertThat(ecs(s, "list", "--output", "json").out().strip()).isEqualTo("[]");
    }

    @Test
    void clients_tokenTheServerDoesNotHave_failWithTheServers403() throws Exception {
        h.run("setup", "ecs", "auth", "-t", TOKEN);
        ServerProcess s = server();
        h.run("setup", "ecs", "auth", "-t", "a-different-token");

        Result list = ecs(s, "list");
        Result load = ecs(s, "load", "-p", ADMIN);

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("403").contains("Invalid authorization token").doesNotContain(TOKEN);
        assertThat(load.exitCode()).isEqualTo(1);
        assertThat(get(s.uri, "Bearer " + TOKEN).statusCode()).as("nothing was loaded").isEqualTo(404);
    }

    @Test
    void server_sigterm_stopsCleanlyWithExitZero() throws Exception {
        ServerProcess s = server();

        int exit = s.signal("TERM");

        assertThat(exit).as(s.stderr()).isZero();
        assertThat(s.stderr()).contains("ECS server stopped (SIGTERM)");
        assertThatThrownBy(() -> get(s.uri, null)).isInstanceOf(IOException.class);
    }

    @Test
    void server_sigint_stopsCleanlyWithExitZero() throws Exception {
        ServerProcess s = server();

        int exit = s.signal("INT");

        assertThat(exit).as(s.stderr()).isZero();
        assertThat(s.stderr()).contains("ECS server stopped (SIGINT)");
    }

    @Test
    void server_withoutToken_warnsLoudlyAndRefusesRequestsThatSendOne() throws Exception {
        ServerProcess s = server("--default", ADMIN);

        assertThat(s.stderr()).contains("NO BEARER TOKEN IS CONFIGURED").contains("auth: none")
                .contains("Loaded " + ADMIN + " into the default slot");
        assertThat(get(s.uri, null).statusCode()).isEqualTo(200);
        assertThat(get(s.uri, "Bearer anything").statusCode()).isEqualTo(403);
        Result profile = ecs(s, "profile");
        assertThat(profile.exitCode()).as("%s", profile).isZero();
        assertThat(profile.out()).contains(ADMIN);
    }

    @Test
    void server_disableAuth_servesEveryRequestDespiteAStoredToken() throws Exception {
        h.run("setup", "ecs", "auth", "-t", TOKEN);
        ServerProcess s = server("--disable-auth", "-d", ADMIN);

        assertThat(s.stderr()).contains("authentication is DISABLED").contains("auth: disabled");
        assertThat(get(s.uri, null).statusCode()).isEqualTo(200);
        assertThat(get(s.uri, "Bearer whatever").statusCode()).isEqualTo(200);
    }

    /**
     * Remote mode must not run without a token. This test binds 0.0.0.0 (remote mode is any
     * non-loopback address) but is reached only through 127.0.0.1, and the server it starts
     * requires the token it generated.
     */
    @Test
    void server_allowRemoteWithoutToken_generatesAndRequiresOne_andRefusesForeignHosts() throws Exception {
        ServerProcess s = server("--bind-ip", "0.0.0.0", "--allow-remote", "-d", ADMIN);

        assertThat(s.stderr()).contains("generated one and stored it").contains("auth: bearer token")
                .doesNotContain("NO BEARER TOKEN");
        String token = h.run("setup", "ecs", "auth", "--print").out().strip();
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(s.stderr()).doesNotContain(token);
        URI local = URI.create("http://127.0.0.1:" + s.uri.getPort() + "/");
        assertThat(get(local, "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(get(local, null).statusCode()).isEqualTo(403);
        assertThat(rawGet(s.uri.getPort(), "attacker.example", token)).startsWith("HTTP/1.1 403")
                .contains("Invalid Host header");
    }

    @Test
    void server_defaultWithUnknownProfile_failsBeforeListening() throws Exception {
        Result r = h.run("ecs", "server", "--port", "0", "--default", "no-such-profile");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("Invalid --profile no-such-profile").doesNotContain("Listening on");
    }

    @Test
    void server_tlsFromSetupSelfSigned_servesHttpsThatTheClientsAndATrustingClientRead() throws Exception {
        h.run("setup", "ecs", "auth", "-t", TOKEN);
        Result ssl = h.run("setup", "ecs", "ssl", "--self-signed");
        assertThat(ssl.exitCode()).as("%s", ssl).isZero();
        String pem = h.run("setup", "ecs", "ssl", "--print").out();
        ServerProcess s = server();
        assertThat(s.uri.getScheme()).isEqualTo("https");
        assertThat(s.stderr()).contains("TLS: on");

        // host:port without a scheme: the client picks HTTPS because a certificate is stored, and trusts it
        Result load = h.run("ecs", "load", "-p", ADMIN, "--server", "127.0.0.1:" + s.uri.getPort());
        Result profile = h.run(Map.of("AWS_SSO_ECS_SERVER", "127.0.0.1:" + s.uri.getPort()), "ecs", "profile");

        assertThat(load.exitCode()).as("%s", load).isZero();
        assertThat(profile.exitCode()).as("%s", profile).isZero();
        assertThat(profile.out()).contains(ADMIN);
                Reply ok = get(trusting(pem), s.uri, "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("AccessKeyId").asText()).isNotEmpty();
        assertThatThrownBy(() -> get(null, s.uri, "Bearer " + TOKEN))
                .as("a client that does not trust the certificate").isInstanceOf(IOException.class);
    }

    /**
     * A stand-in {@code docker}: {@code image inspect} succeeds, {@code create} remembers the
     * published port, {@code start} runs {@code ./aws-sso ecs server --docker} on that port as the
     * container would (same HOME, so the mount is the directory itself), {@code stop} sends it
     * SIGTERM. Every call is logged.
     */
    private java.nio.file.Path fakeDocker() throws Exception {
        java.nio.file.Path dir = Files.createDirectories(h.home().resolve("fake-docker"));
        java.nio.file.Path docker = dir.resolve("docker");
        Files.writeString(docker, "#!/bin/bash\n"
                + "d=" + dir + "\n"
                + "echo \"$*\" >> \"$d/calls\"\n"
                + "case \"$1\" in\n"
                + "  image) echo sha256:0123 ;;\n"
                + "  create) while [ $# -gt 0 ]; do [ \"$1\" = --publish ] && echo \"$2\" > \"$d/publish\"; shift; done ;;\n"
                + "  start) p=$(cut -d: -f2 < \"$d/publish\")\n"
                + "     \"" + CliHarness.ROOT.resolve("aws-sso") + "\" ecs server --docker --bind-ip 127.0.0.1 --port \"$p\" \\\n"
                + "       > \"$d/server.log\" 2>&1 < /dev/null &\n"
                + "     echo $! > \"$d/server.pid\" ;;\n"
                + "  stop) kill -TERM \"$(cat \"$d/server.pid\")\" ;;\n"
                + "esac\n");
        docker.toFile().setExecutable(true, true);
        h.env("PATH", dir + ":" + System.getenv("PATH"));
        return dir;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void dockerStart_withDefault_handsTheTokenOverAndLoadsTheProfileIntoTheContainersServer() throws Exception {
        h.run("setup", "ecs", "auth", "-t", TOKEN);
        java.nio.file.Path docker = fakeDocker();
        int port = freePort();
        try {
            Result start = h.run("ecs", "docker", "start", "--port", Integer.toString(port), "--default", ADMIN);

            assertThat(start.exitCode()).as("%s", start).isZero();
            assertThat(start.err()).contains("http://127.0.0.1:" + port + "/").contains("Loaded " + ADMIN)
                    .doesNotContain(TOKEN);
            assertThat(h.home().resolve(".aws-sso/mnt/docker-ecs")).as("the server deleted the handoff file")
                    .doesNotExist();
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            assertThat(get(uri, "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            assertThat(get(uri, null).statusCode()).as("the token came through the file").isEqualTo(403);
            assertThat(rawGet(port, "attacker.example:" + port, TOKEN)).as("a DNS-rebinding page")
                    .startsWith("HTTP/1.1 403").contains("Invalid Host header");
            assertThat(rawGet(port, "aws-sso-cli-ecs-server:4144", TOKEN)).as("the Compose example's URL")
                    .startsWith("HTTP/1.1 200");

            Result stop = h.run("ecs", "docker", "stop");

            assertThat(stop.exitCode()).as("%s", stop).isZero();
            assertThat(Files.readString(docker.resolve("calls"))).contains("stop aws-sso-cli-ecs-server")
                    .contains("rm aws-sso-cli-ecs-server");
        } finally {
            if (Files.exists(docker.resolve("server.pid"))) {
                long pid = Long.parseLong(Files.readString(docker.resolve("server.pid")).strip());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void dockerStart_noStoredToken_generatesOneThatTheContainersServerRequires() throws Exception {
        java.nio.file.Path docker = fakeDocker();
        int port = freePort();
        try {
            Result start = h.run("ecs", "docker", "start", "--port", Integer.toString(port), "--default", ADMIN);

            assertThat(start.exitCode()).as("%s", start).isZero();
            assertThat(start.err()).contains("generated one and stored it")
                    .contains("Bearer $(aws-sso setup ecs auth --print)");
            // `docker start` created ~/.aws-sso/mnt, which (as in aws-sso-cli) would make ~/.aws-sso the
            // config directory of later runs; the server has deleted the file in it, so remove the empty
            // directories (a non-empty one fails the test).
            Files.delete(h.home().resolve(".aws-sso/mnt"));
            Files.delete(h.home().resolve(".aws-sso"));
            Result print = h.run("setup", "ecs", "auth", "--print");
            String token = print.out().strip();
            assertThat(token).as("%s", print).matches("[0-9a-f]{64}");
            assertThat(start.err()).doesNotContain(token);
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            assertThat(get(uri, "Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(get(uri, null).statusCode()).isEqualTo(403);
            assertThat(h.run("ecs", "docker", "stop").exitCode()).isZero();
        } finally {
            if (Files.exists(docker.resolve("server.pid"))) {
                long pid = Long.parseLong(Files.readString(docker.resolve("server.pid")).strip());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** GET / over a raw socket with this Host header (HttpURLConnection does not let a caller set it). */
    private static String rawGet(int port, String host, String token) throws IOException {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Runs the AWS CLI's {@code sts get-caller-identity} with only the container variables as credentials. */
    private Result awsCliWithContainerCredentials(URI fullUri, String authorization) throws Exception {
        java.nio.file.Path aws = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(java.nio.file.Path.of(dir, "aws"))) {
                aws = java.nio.file.Path.of(dir, "aws");
                break;
            }
        }
        assertThat(aws).as("the AWS CLI ('aws') on the PATH").isNotNull();
        java.nio.file.Path dir = Files.createDirectories(h.home().resolve("awscli"));
        Files.writeString(dir.resolve("config"), "[default]\nregion = us-east-1\ncli_follow_urlparam = false\n");
        Files.writeString(dir.resolve("credentials"), "");
        ProcessBuilder pb = new ProcessBuilder(aws.toString(), "sts", "get-caller-identity", "--endpoint-url",
                h.emulator().endpoint().toString(), "--region", "us-east-1", "--output", "json")
                .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        // Nothing else may supply credentials, and RELATIVE_URI would win over FULL_URI.
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BOTO"));
        env.put("HOME", dir.toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fullUri.toString());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", authorization);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("aws finishes").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void awsCli_withTheExportedVariables_signsWithTheLoadedRoleAndFailsWithAWrongToken() throws Exception {
        h.run("setup", "ecs", "auth", "-t", TOKEN);
        ServerProcess s = server();
        assertThat(ecs(s, "load", "-p", ADMIN).exitCode()).isZero();

        Result ok = awsCliWithContainerCredentials(s.uri, "Bearer " + TOKEN);
        Result wrong = awsCliWithContainerCredentials(s.uri, "Bearer wrong-token");

        assertThat(ok.exitCode()).as("%s", ok).isZero();
        JsonNode identity = JSON.readTree(ok.out());
        assertThat(identity.path("Account").asText()).isEqualTo(ACCOUNT);
        assertThat(identity.path("Arn").asText()).contains(":assumed-role/AdministratorAccess/");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("403").contains("Invalid authorization token");
        assertThat(wrong.out()).isEmpty();
    }

    private static SSLContext trusting(String pem) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("ecs", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
