package io.awssso.core.internal.config;

import io.awssso.api.ConfigProblem;
import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.config.YamlNode.Position;
import io.awssso.core.internal.env.Environment;
import io.awssso.api.internal.io.BoundedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads config.yaml: defaults, the file, migrations of deprecated keys, validation.
 *
 * <p>Every problem in the file is reported at once, in one {@link ConfigurationException} whose
 * problems each name the file, the line and the dotted key. A missing file is not an error here:
 * {@link #loadIfPresent} returns empty so the caller can offer the setup wizard.
 */
public final class ConfigLoader {
    static final int MAX_BYTES = BoundedFiles.MAX_CONFIG_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final Environment env;

    /** A loader that takes defaults (remote-host detection, {@code ~}) from {@code env}. */
    public ConfigLoader(Environment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /**
     * Loads the config file at {@code location}.
     *
     * @return empty when the file does not exist
     * @throws ConfigurationException when it cannot be read or holds problems
     */
    public Optional<LoadedConfig> loadIfPresent(ConfigLocation location) {
        BasicFileAttributes attributes;
        byte[] bytes;
        try {
            attributes = Files.readAttributes(location.file(), BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw unreadable(location, "it is a directory, not a file");
            }
            if (!attributes.isRegularFile()) {
                // /dev/zero, a FIFO: its size() is 0 and reading it would never end
                throw unreadable(location, "it is a device, FIFO or socket, not a regular file");
            }
            bytes = BoundedFiles.read(location.file(), MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (BoundedFiles.FileTooLargeException e) {
            throw new ConfigurationException(List.of(new ConfigProblem(location.file(), 1, 1,
                    "", "the file is larger than " + MAX_BYTES / 1024
                            + " KiB; that is not a config file")));
        } catch (BoundedFiles.NotRegularFileException e) {
            throw unreadable(location, "it is not a regular file");
        } catch (IOException | SecurityException e) {
            throw unreadable(location, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Problems problems = new Problems(location.file());
        Optional<String> text = decode(bytes, problems);
        if (text.isEmpty()) {
            problems.throwIfAny();
        }
        return Optional.of(parse(text.get(), location,
                attributes.lastModifiedTime().toInstant(), problems));
    }

    /**
     * Loads the config file at {@code location}, which must exist.
     *
     * @throws ConfigurationException when it is missing, cannot be read or holds problems
     */
    public LoadedConfig load(ConfigLocation location) {
        return loadIfPresent(location).orElseThrow(() -> new ConfigurationException(List.of(
                new ConfigProblem(location.file(), 0, 0, "", "the config file does not exist;"
                        + " run 'aws-sso setup wizard' to create it"))));
    }

    /**
     * Loads the config file at {@code location}, which must exist, and logs its warnings (unknown
     * keys, deprecated options) at WARN with file and line.
     *
     * @throws ConfigurationException when it is missing, cannot be read or holds problems
     */
    public static AwsSsoConfig load(ConfigLocation location, Environment env) {
        LoadedConfig loaded = new ConfigLoader(env).load(location);
        loaded.warnings().forEach(w -> LOG.warn("{}", w));
        return loaded.config();
    }

    /**
     * Loads config text as if it were the file at {@code location} (for tests, embedding and the
     * setup wizard checking what it is about to write).
     *
     * @throws ConfigurationException when the text holds problems
     */
    public LoadedConfig parse(String text, ConfigLocation location, Instant modified) {
        return parse(text, location, modified, new Problems(location.file()));
    }

    private LoadedConfig parse(String text, ConfigLocation location, Instant modified,
            Problems problems) {
        Optional<YamlNode> document = YamlComposer.compose(text, problems);
        Optional<AwsSsoConfig> config = new ConfigBinder(problems, env, location).bind(document);
        problems.throwIfAny();
        return new LoadedConfig(config.orElseThrow(), location, modified, problems.warnings());
    }

    /** Strict UTF-8 (a stray Latin-1 byte is reported on its line, not turned into U+FFFD). */
    private static Optional<String> decode(byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            problems.error(new Position(line, column), "", "the file is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + "); save it as UTF-8");
            return Optional.empty();
        }
        String text = out.flip().toString();
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static ConfigurationException unreadable(ConfigLocation location, String why) {
        return new ConfigurationException(List.of(new ConfigProblem(location.file(), 0, 0, "",
                "cannot read the config file: " + why)));
    }
}
