package io.awssso.dist;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;

/**
 * Run by the bundled runtime in {@link DistributionIT}: one HTTPS GET through
 * {@link HttpsURLConnection}, the JDK client under the AWS SDK's url-connection-client, which the
 * tool uses for every AWS call. Prints {@code status cipher-suite body} on one line.
 */
public final class TlsProbe {
    private TlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(args[0]).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        int status = connection.getResponseCode();
        String suite = connection.getCipherSuite();
        String body;
        try (InputStream in = connection.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        System.out.println(status + " " + suite + " " + body);
        connection.disconnect();
    }
}
