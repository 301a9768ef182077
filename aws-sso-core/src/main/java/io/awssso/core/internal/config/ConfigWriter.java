package io.awssso.core.internal.config;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.env.Environment;
import io.awssso.api.internal.io.BoundedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Writes config.yaml for the setup wizard: the settings as a YAML tree with 4-space indentation,
 * checked by {@link ConfigLoader} before anything touches the disk, a backup of the old file
 * first ({@code config.<YYYY-MM-DD-HH:MM:SS>.yaml}), then an atomic replace (temp file in the same
 * directory, fsync, rename), mode 0600 and a 0700 directory.
 *
 * <p>Updating re-reads the existing file as a plain tree and changes only the keys asked for;
 * comments do not survive (they are in the backup), as with aws-sso-cli's wizard.
 */
public final class ConfigWriter {
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm:ss");

    private final Environment env;
    private final Clock clock;

    /**
     * Creates a writer.
     *
     * @param env for the loader that checks the result ({@code ~}, remote-host defaults)
     * @param clock names the backup
     */
    public ConfigWriter(Environment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /**
     * Reads an existing config file as a plain ordered tree of maps, lists and scalars.
     *
     * @return empty when the file does not exist
     * @throws ConfigurationException when it is not a YAML mapping
     */
    public Optional<Map<String, Object>> readTree(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            // Default limits (50 aliases per collection, no recursion) stop alias bombs.
            Object doc = new Load(LoadSettings.builder().setCodePointLimit(ConfigLoader.MAX_BYTES).build())
                    .loadFromString(StandardCharsets.UTF_8.newDecoder()
                            .decode(ByteBuffer.wrap(BoundedFiles.read(file, ConfigLoader.MAX_BYTES))).toString());
            if (doc == null) {
                return Optional.of(new LinkedHashMap<>());
            }
            if (!(doc instanceof Map<?, ?> map)) {
                throw new ConfigurationException(file + ": the config is not a YAML mapping; move it"
                        + " away to start afresh");
            }
            return Optional.of(copy(map));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
        } catch (YamlEngineException e) {
            throw new ConfigurationException(file + " is not valid YAML (" + firstLine(e.getMessage())
                    + "); fix it or move it away, then run the wizard again");
        }
    }

    /** The YAML text for a tree: block style, 4-space indentation. */
    public static String render(Map<String, Object> tree) {
        DumpSettings settings = DumpSettings.builder().setIndent(4).setIndicatorIndent(2)
                .setIndentWithIndicator(true).setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(200).build();
        return new Dump(settings).dumpToString(tree);
    }

    /**
     * Checks {@code tree} loads as a valid config, backs up the current file (if any), and writes
     * the new one atomically with mode 0600.
     *
     * @param location where the file goes
     * @return the backup, when there was a file to back up
     * @throws ConfigurationException when the tree would not load (nothing is written)
     * @throws AwsSsoException when the file cannot be written
     */
    public Optional<Path> write(ConfigLocation location, Map<String, Object> tree) {
        String text = render(tree);
        new ConfigLoader(env).parse(text, location, clock.instant());
        Path file = location.file().toAbsolutePath();
        Path dir = file.getParent();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Optional<Path> backup = Optional.empty();
            if (Files.exists(file)) {
                backup = Optional.of(backup(file));
            }
            Path tmp = Files.createTempFile(dir, ".config", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(StandardCharsets.UTF_8.encode(text));
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return backup;
        } catch (IOException | UnsupportedOperationException e) {
            throw new AwsSsoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Copies the file to {@code config.<YYYY-MM-DD-HH:MM:SS>.yaml} beside it, mode 0600. */
    private Path backup(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".yaml";
        String stamp = ZonedDateTime.now(clock).format(BACKUP_STAMP);
        Path target = file.resolveSibling(base + "." + stamp + ext);
        for (int i = 1; ; i++) {
            try {
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                break;
            } catch (FileAlreadyExistsException e) {
                // two runs in one second: never overwrite an older backup
                target = file.resolveSibling(base + "." + stamp + "-" + i + ext);
            }
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            out.put(String.valueOf(e.getKey()), v instanceof Map<?, ?> m ? copy(m) : v);
        }
        return out;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "parse error";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
