package io.awssso.cli.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code POST /v1/process} body: the caller's working directory, its exported {@code AWS_*}
 * (and {@code HOME}, {@code XDG_*}) variables and its whole argument list.
 *
 * @param cwd the caller's absolute working directory
 * @param environment the variables the client sent
 * @param args the command line
 */
record AgentRequest(String cwd, Map<String, String> environment, List<String> args) {
    AgentRequest {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        args = List.copyOf(args);
    }

    /** Without the environment (it may hold a password) and the arguments. */
    @Override
    public String toString() {
        return "AgentRequest[cwd=" + cwd + ", " + environment.size() + " variables, " + args.size() + " arguments]";
    }

    /** The body's request, or empty when it does not follow the protocol. */
    static Optional<AgentRequest> parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            return Optional.empty();
        }
        String cwd = null;
        Map<String, String> env = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        int stage = 0; // cwd, then env lines, then arg lines
        for (String line : text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\n", -1)) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            if (line.startsWith("cwd ") && stage == 0) {
                cwd = line.substring(4);
                stage = 1;
            } else if (line.startsWith("env ") && stage == 1) {
                int eq = line.indexOf('=', 4);
                if (eq <= 4) {
                    return Optional.empty();
                }
                env.put(line.substring(4, eq), line.substring(eq + 1));
            } else if (line.startsWith("arg ") && stage >= 1) {
                stage = 2;
                args.add(line.substring(4));
            } else {
                return Optional.empty();
            }
        }
        if (cwd == null || !cwd.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new AgentRequest(cwd, env, args));
    }
}
