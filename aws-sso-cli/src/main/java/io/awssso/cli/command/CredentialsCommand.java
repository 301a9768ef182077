package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleCredentials;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.FromEnvironment;
import io.awssso.cli.options.RoleSelector;
import io.awssso.cli.render.Visible;
import io.awssso.core.AwsSso;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso credentials -p P...}: static credentials in {@code ~/.aws/credentials} form, for
 * tools that read only that file. To stdout, or to {@code --file} (mode 0600, replaced atomically
 * unless {@code --append}).
 */
@Command(name = "credentials", description = {
        "Write role credentials in ~/.aws/credentials form, to stdout or a file.",
        "The file is created with mode 0600 and replaced unless --append is given."},
        optionListHeading = "%nOptions:%n")
public final class CredentialsCommand implements Callable<Integer> {
    @Option(names = {"-p", "--profile"}, paramLabel = "<profile>", required = true,
            description = "Profile to write (repeatable).")
    private List<String> profiles;

    @FromEnvironment("AWS_SHARED_CREDENTIALS_FILE")
    @Option(names = {"-f", "--file"}, paramLabel = "<file>",
            description = "Write to this file (env: AWS_SHARED_CREDENTIALS_FILE; default: stdout).")
    private Path file;

    @Option(names = {"-a", "--append"}, description = "Append to the file instead of replacing it.")
    private boolean append;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal stdout when no file is given
     */
    @Inject
    public CredentialsCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        AwsSso sso = engine.get();
        StringBuilder b = new StringBuilder();
        for (String profile : profiles) {
            requireSectionName(profile);
        }
        for (String profile : profiles) {
            RoleCredentials c = sso.credentials().get(RoleSelector.byProfile(sso, profile));
            b.append('[').append(profile).append("]\n")
                    .append("# Expires: ").append(DateTimeFormatter.ISO_INSTANT.format(
                            c.expiration().truncatedTo(ChronoUnit.SECONDS))).append('\n')
                    .append("aws_access_key_id = ").append(c.accessKeyId()).append('\n')
                    .append("aws_secret_access_key = ").append(c.secretAccessKey()).append('\n')
                    .append("aws_session_token = ").append(c.sessionToken()).append("\n\n");
        }
        if (file == null) {
            terminal.out().print(b);
            terminal.out().flush();
        } else {
            write(file, b.toString(), append);
            terminal.err().printf("Wrote %d profile(s) to %s%n", profiles.size(), file);
        }
        return ExitCode.OK.code();
    }

    /**
     * Refuses a profile name that cannot be a section of the credentials file: profile names come
     * from account names that AWS serves, and a line break would inject sections and keys, while
     * {@code [ ] # ;} make the AWS SDK for Java reject the whole file.
     */
    private void requireSectionName(String profile) {
        boolean bad = profile.isEmpty() || profile.codePoints().anyMatch(c -> Visible.needsEscape(c)
                || Character.getType(c) == Character.FORMAT || "[]#;".indexOf(c) >= 0);
        if (bad) {
            throw new ParameterException(spec.commandLine(), "the profile name '" + Visible.escape(profile)
                    + "' cannot be written to a credentials file (it holds a line break, a control character"
                    + " or one of [ ] # ;)");
        }
    }

    private static void write(Path file, String text, boolean append) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            if (append && Files.exists(target)) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
                try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ch.write(java.nio.ByteBuffer.wrap(bytes));
                    ch.force(true);
                }
                return;
            }
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(bytes));
                    ch.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new AwsSsoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
