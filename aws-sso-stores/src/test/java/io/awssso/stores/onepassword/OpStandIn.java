package io.awssso.stores.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-in {@code op} (a Python script, {@code op-standin.py}) installed as {@code <dir>/bin/op}
 * with its state file holding one vault, {@code Private}, and the variables that point it there.
 */
final class OpStandIn {
    static final String ACCOUNT = "me@example.com";
    static final String TOKEN = "ops_standin-service-account-token";
    static final String VAULT_ID = "vaultprivate00000000000000";

    final Path bin;
    final Path state;
    final Path log;

    private OpStandIn(Path bin, Path state, Path log) {
        this.bin = bin;
        this.state = state;
        this.log = log;
    }

    static OpStandIn install(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String script;
        try (InputStream in = OpStandIn.class.getResourceAsStream("op-standin.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the interpreter itself, not a pyenv shim: faster, and nothing between us and it
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "/usr/bin/env python3";
        script = script.replaceFirst("^#![^\n]*", "#!" + python);
        Path op = bin.resolve("op");
        Files.writeString(op, script);
        Files.setPosixFilePermissions(op, PosixFilePermissions.fromString("rwx------"));
        Path state = dir.resolve("op-state.json");
        Files.writeString(state, "{\"vaults\":[{\"id\":\"" + VAULT_ID + "\",\"name\":\"Private\"}],\"items\":[]}");
        return new OpStandIn(bin, state, dir.resolve("op-calls.log"));
    }

    /** An environment in which {@code op} is the stand-in. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        env.put("HOME", bin.getParent().toString());
        env.put("OP_STANDIN_STATE", state.toString());
        env.put("OP_STANDIN_LOG", log.toString());
        env.put("OP_STANDIN_ACCOUNT", ACCOUNT);
        env.put("OP_STANDIN_TOKEN", TOKEN);
        return env;
    }

    JsonNode state() throws IOException {
        return new ObjectMapper().readTree(state.toFile());
    }

    void emptyVault() throws IOException {
        Files.writeString(state, "{\"vaults\":[{\"id\":\"" + VAULT_ID + "\",\"name\":\"Private\"}],\"items\":[]}");
    }

    /** Every call so far: its arguments and whether a token was in its environment. */
    List<JsonNode> calls() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                out.add(new ObjectMapper().readTree(line));
            }
        }
        return out;
    }
}
