package io.awssso.core.internal.ecs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECS credentials server's routes (reference section 7): {@code GET|PUT|DELETE /} (default
 * slot), {@code GET /profile}, {@code GET /slot}, {@code GET|PUT|DELETE /slot/<escaped profile>},
 * and the unauthenticated {@code GET /healthcheck} and {@code /healthcheck/slot/<p>}. Every other
 * answer is {@code {"code":"<n>","message":"..."}}. Each request logs one line at INFO (remote
 * address, method, path, status, duration), never a header or a body. Requests whose {@code Host}
 * header names another site are refused whatever the bind address ({@link HostCheck}).
 */
final class EcsRoutes implements ConnectionServer.Handler {
    // the server's logger: one log for the server, whichever class writes the line
    private static final Logger LOG = LoggerFactory.getLogger(EcsCredentialsServer.class);

    private static final byte[] OK = EcsJson.status(200, "OK");
    private static final byte[] EXPIRED = EcsJson.status(404, "Credentials expired");
    private static final byte[] UNAVAILABLE = EcsJson.status(404, "Credentials unavailable");
    private static final byte[] FORBIDDEN = EcsJson.status(403, "Invalid authorization token");
    private static final byte[] BAD_HOST = EcsJson.status(403, "Invalid Host header");
    private static final byte[] BAD_REQUEST = EcsJson.status(400, "Bad request");
    private static final byte[] TOO_LARGE = EcsJson.status(413, "Request body too large");
    private static final byte[] INTERNAL = EcsJson.status(500, "Internal server error");

    private final SlotStore slots;
    private final BearerAuth auth;
    private final HostCheck hosts;

    EcsRoutes(SlotStore slots, BearerAuth auth, HostCheck hosts) {
        this.slots = slots;
        this.auth = auth;
        this.hosts = hosts;
    }

    @Override
    public void answered(InetAddress remote, String method, String path, int status, long startNanos) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {} {}ms", remote.getHostAddress(), method, path, status == 0 ? "-" : status,
                    (System.nanoTime() - startNanos) / 1_000_000);
        }
    }

    @Override
    public ConnectionServer.Reply handle(Exchange ex) {
        Answer a;
        try {
            a = answer(ex, ex.method(), ex.path());
        } catch (EcsRequestException e) {
            a = new Answer(e.status(), EcsJson.status(e.status(), e.getMessage()));
        } catch (IOException e) {
            // the body could not be read (the client went away, or the watchdog closed it): the
            // connection is done, and the answer most likely cannot be written
            LOG.debug("ECS server: {} {}: connection failed: {}", ex.method(), ex.path(), e.toString());
            a = new Answer(400, BAD_REQUEST);
        } catch (RuntimeException e) {
            // Answer rather than drop the connection, and keep serving; the message may hold data, so it
            // is not logged above debug.
            LOG.warn("ECS server: {} {} failed with {}", ex.method(), ex.path(), e.getClass().getName());
            LOG.debug("ECS server failure", e);
            a = new Answer(500, INTERNAL);
        }
        return new ConnectionServer.Reply(a.status(), a.body());
    }

    /** A status and a prepared JSON body. */
    private record Answer(int status, byte[] body) {
    }

    private Answer answer(Exchange ex, String method, String path) throws IOException {
        if (!hosts.accepts(ex.header("Host"))) {
            // A web page that rebinds its DNS name to 127.0.0.1 (or to the docker host) would be
            // same-origin with us; it cannot choose the Host header, which still names its own domain.
            return new Answer(403, BAD_HOST);
        }
        if (path.equals("/healthcheck")) {
            return get(method) ? health(slots.defaultSlot(), "no credentials loaded") : bad();
        }
        if (path.startsWith("/healthcheck/slot/")) {
            Optional<String> name = decode(path.substring("/healthcheck/slot/".length()));
            return get(method) ? health(name.flatMap(slots::slot), "slot not found") : bad();
        }
        if (!auth.accepts(ex.headers("Authorization"))) {
            return new Answer(403, FORBIDDEN);
        }
        if (path.equals("/")) {
            return defaultSlot(ex, method);
        }
        if (path.equals("/profile")) {
            return get(method) ? profile() : bad();
        }
        if (path.equals("/slot")) {
            return switch (method) {
                case "GET" -> list();
                case "DELETE" -> new Answer(404, UNAVAILABLE); // "delete all" is documented, never implemented
                default -> bad();
            };
        }
        if (path.startsWith("/slot/")) {
            Optional<String> name = decode(path.substring("/slot/".length()));
            if (name.isEmpty()) {
                return new Answer(404, UNAVAILABLE);
            }
            return namedSlot(ex, method, name.get());
        }
        return new Answer(404, UNAVAILABLE);
    }

    private static boolean get(String method) {
        return method.equals("GET");
    }

    private static Answer bad() {
        return new Answer(400, BAD_REQUEST);
    }

    private Answer defaultSlot(Exchange ex, String method) throws IOException {
        switch (method) {
            case "GET": {
                Optional<SlotStore.Slot> s = slots.defaultSlot();
                return s.isEmpty() || slots.expired(s.get().credentials())
                        ? new Answer(404, EXPIRED) : new Answer(200, s.get().body());
            }
            case "PUT": {
                LoadRequest r = EcsJson.parseLoadRequest(body(ex));
                if (slots.expired(r.credentials())) {
                    return new Answer(404, EXPIRED);
                }
                slots.putDefault(r);
                return new Answer(200, OK);
            }
            case "DELETE":
                return slots.clearDefault() ? new Answer(200, OK) : new Answer(404, EXPIRED);
            default:
                return bad();
        }
    }

    private Answer namedSlot(Exchange ex, String method, String name) throws IOException {
        switch (method) {
            case "GET": {
                Optional<SlotStore.Slot> s = slots.slot(name);
                if (s.isEmpty()) {
                    return new Answer(404, UNAVAILABLE);
                }
                return slots.expired(s.get().credentials()) ? new Answer(404, EXPIRED) : new Answer(200, s.get().body());
            }
            case "PUT": {
                LoadRequest r = EcsJson.parseLoadRequest(body(ex));
                if (slots.expired(r.credentials())) {
                    return new Answer(500, EcsJson.status(500, "Credentials expired"));
                }
                slots.putSlot(r);
                return new Answer(200, OK);
            }
            case "DELETE":
                return slots.remove(name) ? new Answer(200, OK) : new Answer(404, UNAVAILABLE);
            default:
                return bad();
        }
    }

    private Answer profile() {
        Optional<SlotStore.Slot> s = slots.defaultSlot();
        if (s.isEmpty()) {
            return new Answer(404, UNAVAILABLE);
        }
        if (slots.expired(s.get().credentials())) {
            return new Answer(404, EXPIRED);
        }
        return new Answer(200, EcsJson.profile(s.get().profileName(), s.get().credentials(), slots.now())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Answer list() {
        List<String> out = new ArrayList<>();
        for (SlotStore.Slot s : slots.unexpiredSlots()) {
            out.add(EcsJson.profile(s.profileName(), s.credentials(), slots.now()));
        }
        return new Answer(200, EcsJson.array(out));
    }

    private Answer health(Optional<SlotStore.Slot> slot, String missing) {
        if (slot.isEmpty()) {
            return new Answer(503, EcsJson.unhealthy(missing));
        }
        if (slots.expired(slot.get().credentials())) {
            return new Answer(503, EcsJson.unhealthy("credentials expired"));
        }
        return new Answer(200, EcsJson.healthy(slot.get().profileName(), slot.get().credentials()));
    }

    /** The request body, at most {@link EcsCredentialsServer#MAX_BODY} bytes. */
    private static byte[] body(Exchange ex) throws IOException {
        return ex.body();
    }

    /** Percent-decodes one path segment ({@code +} stays a plus, as in a URL path). */
    static Optional<String> decode(String raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
