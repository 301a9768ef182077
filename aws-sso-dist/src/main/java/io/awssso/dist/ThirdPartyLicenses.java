package io.awssso.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes the licence notices of what an install bundles, from the CycloneDX SBOM the build made
 * of the CLI's runtime dependencies (one source of truth: a dependency added to the CLI appears in
 * both). Two files: {@code copyright}, in Debian's machine-readable format, for
 * {@code /usr/share/doc/aws-sso/}, and {@code THIRD-PARTY-LICENSES.txt}, the same list for the
 * archives. The bundled Java runtime's own notices stay where jlink puts them,
 * {@code runtime/legal/}, and the copyright file points there.
 */
public final class ThirdPartyLicenses {
    private ThirdPartyLicenses() {}

    /** A bundled component and the licences its POM declares. */
    record Component(String group, String name, String version, List<String> licenses) {
        String coordinates() {
            return group + ":" + name + ":" + version;
        }
    }

    /**
     * Writes the files.
     *
     * @param args the SBOM (JSON), the directory to write into, the project version, the lib/
     *     directory of the install (for an offline build, which has no SBOM)
     * @throws IOException when the SBOM cannot be read or a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path sbom = Path.of(args[0]);
        List<Component> components;
        if (Files.exists(sbom)) {
            components = components(new ObjectMapper().readTree(sbom.toFile()));
        } else {
            // The CycloneDX plugin runs only online (it may fetch POMs). An offline build (-o, as
            // for quick local test runs) still gets the list of jars, marked as not checked.
            System.err.println("dist: WARNING: no SBOM at " + sbom + " (an offline build skips it): the licence"
                    + " notices only list the jars. Build online for the licences.");
            components = jarsWithoutLicences(Path.of(args[3]));
        }
        Path dir = Files.createDirectories(Path.of(args[1]));
        Files.writeString(dir.resolve("copyright"), debianCopyright(components), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("THIRD-PARTY-LICENSES.txt"), plainList(components, args[2]),
                StandardCharsets.UTF_8);
        System.out.println("dist: licence notices of " + components.size() + " bundled components");
    }

    private static List<Component> jarsWithoutLicences(Path lib) throws IOException {
        try (var jars = Files.list(lib)) {
            return jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .filter(n -> !n.startsWith("aws-sso-")).sorted()
                    .map(n -> new Component("?", n.substring(0, n.length() - ".jar".length()), "?",
                            List.of("NOT CHECKED (offline build without SBOM)")))
                    .toList();
        }
    }

    /** The SBOM's library components except our own, sorted by coordinates. */
    static List<Component> components(JsonNode bom) {
        TreeMap<String, Component> sorted = new TreeMap<>();
        for (JsonNode c : bom.path("components")) {
            String group = c.path("group").asText();
            if (group.equals("io.awssso")) {
                continue; // ours: the package's own licence
            }
            List<String> licenses = new ArrayList<>();
            for (JsonNode choice : c.path("licenses")) {
                JsonNode license = choice.path("license");
                String text = choice.has("expression") ? choice.path("expression").asText()
                        : license.has("id") ? license.path("id").asText() : license.path("name").asText();
                String url = license.path("url").asText();
                licenses.add(url.isEmpty() ? text : text + " <" + url + ">");
            }
            if (licenses.isEmpty()) {
                licenses.add("UNKNOWN (no licence in its POM)");
            }
            Component component = new Component(group, c.path("name").asText(), c.path("version").asText(), licenses);
            sorted.put(component.coordinates(), component);
        }
        return List.copyOf(sorted.values());
    }

    static String debianCopyright(List<Component> components) {
        StringBuilder out = new StringBuilder();
        out.append("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
                .append("Upstream-Name: aws-sso\n")
                .append("Source: https://github.com/aws-sso-java/aws-sso\n\n")
                .append("Files: *\n")
                .append("Copyright: the aws-sso for Java authors\n")
                .append("License: Apache-2.0\n")
                .append(" On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.\n\n")
                .append("Files: usr/lib/aws-sso/runtime/*\n")
                .append("Copyright: Oracle and/or its affiliates, and the OpenJDK contributors\n")
                .append("License: GPL-2.0-with-classpath-exception\n")
                .append(" A Java runtime made by jlink from an OpenJDK build. Its licence and the\n")
                .append(" notices of the libraries inside it are in /usr/lib/aws-sso/runtime/legal/.\n");
        for (Component c : components) {
            out.append("\nFiles: usr/lib/aws-sso/lib/").append(c.name()).append('-').append(c.version())
                    .append(".jar\n")
                    .append("Comment: ").append(c.coordinates()).append('\n')
                    .append("Copyright: the authors of ").append(c.group()).append(':').append(c.name()).append('\n')
                    .append("License: ").append(String.join(" or ", c.licenses().stream()
                            .map(l -> l.replaceAll(" <.*>$", "")).toList())).append('\n');
            for (String license : c.licenses()) {
                out.append(" ").append(license).append('\n');
            }
        }
        return out.toString();
    }

    static String plainList(List<Component> components, String version) {
        StringBuilder out = new StringBuilder();
        out.append("aws-sso ").append(version).append(" is licensed under the Apache License 2.0 (LICENSE).\n")
                .append("It bundles the following libraries, under the licences their authors chose.\n")
                .append("A bundled Java runtime (runtime/) carries its own notices in runtime/legal/.\n\n");
        for (Component c : components) {
            out.append(c.coordinates()).append('\n');
            for (String license : c.licenses()) {
                out.append("    ").append(license).append('\n');
            }
        }
        return out.toString();
    }
}
