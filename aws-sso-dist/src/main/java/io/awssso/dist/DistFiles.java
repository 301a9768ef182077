package io.awssso.dist;

import io.awssso.cli.completion.Shell;
import io.awssso.cli.completion.ShellScripts;
import io.awssso.cli.internal.CliComponent;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Terminal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes {@code man/man1/aws-sso*.1} and {@code completions/} into a staged distribution.
 *
 * <p>The man pages are troff written straight from the command model the CLI itself runs (the
 * same tree, built through its Dagger component), one page per visible command: picocli-codegen's
 * ManPageGenerator writes AsciiDoc, which would need Asciidoctor at build time to become man pages.
 */
public final class DistFiles {
    private DistFiles() {}

    /**
     * Writes the files.
     *
     * @param args the staged distribution directory, then the version
     */
    public static void main(String[] args) throws IOException {
        Path dist = Path.of(args[0]);
        String version = args[1];
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CliEnvironment env = new CliEnvironment(Map.of("HOME", System.getProperty("java.io.tmpdir")));
        CommandLine root = CliComponent.create(Terminal.of(sink, sink, env), env).commandLine();
        Path man = Files.createDirectories(dist.resolve("man/man1"));
        int pages = writePages(man, root, version);
        Path completions = Files.createDirectories(dist.resolve("completions"));
        for (Shell shell : Shell.values()) {
            for (Map.Entry<String, String> f : ShellScripts.files(shell, "aws-sso").entrySet()) {
                Path file = shell == Shell.FISH ? completions.resolve("fish").resolve(f.getKey())
                        : completions.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
        }
        System.out.println("dist: " + pages + " man pages, completions for bash, zsh and fish");
    }

    private static int writePages(Path dir, CommandLine command, String version) throws IOException {
        CommandSpec spec = command.getCommandSpec();
        if (spec.usageMessage().hidden()) {
            return 0;
        }
        Files.writeString(dir.resolve(pageName(spec) + ".1"), page(spec, version));
        int n = 1;
        for (CommandLine sub : distinct(spec)) {
            n += writePages(dir, sub, version);
        }
        return n;
    }

    private static List<CommandLine> distinct(CommandSpec spec) {
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine c : spec.subcommands().values()) {
            if (!out.contains(c) && !c.getCommandSpec().name().equals("help")) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code aws-sso-setup-completions} for {@code aws-sso setup completions}. */
    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String page(CommandSpec spec, String version) {
        StringBuilder b = new StringBuilder();
        String name = pageName(spec);
        String[] description = spec.usageMessage().description();
        b.append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" \"1\" \"\" \"aws-sso ")
                .append(version).append("\" \"aws-sso Manual\"\n");
        b.append(".SH NAME\n").append(esc(name)).append(" \\- ")
                .append(esc(description.length == 0 ? "" : description[0])).append('\n');
        b.append(".SH SYNOPSIS\n.nf\n");
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        b.append(lines(help.synopsis(0))).append(".fi\n");
        if (description.length > 0) {
            b.append(".SH DESCRIPTION\n");
            for (String d : description) {
                b.append(lines(format(d))).append(".PP\n");
            }
        }
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            b.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                b.append(".TP\n.B ").append(esc(p.paramLabel())).append('\n')
                        .append(lines(format(String.join(" ", p.description()))));
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            b.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                String label = String.join(", ", o.names())
                        + (o.arity().max() > 0 ? " " + o.paramLabel() : "");
                b.append(".TP\n.B ").append(esc(label)).append('\n')
                        .append(lines(format(String.join(" ", o.description()))));
            }
        }
        List<CommandLine> subs = distinct(spec).stream().filter(c -> !c.getCommandSpec().usageMessage().hidden())
                .toList();
        if (!subs.isEmpty()) {
            b.append(".SH COMMANDS\n");
            for (CommandLine c : subs) {
                String[] d = c.getCommandSpec().usageMessage().description();
                b.append(".TP\n.B ").append(esc(c.getCommandSpec().name())).append('\n')
                        .append(lines(format(d.length == 0 ? "" : d[0])))
                        .append("See \\fB").append(esc(pageName(c.getCommandSpec()))).append("\\fR(1).\n");
            }
        }
        Map<String, String> exits = spec.usageMessage().exitCodeList();
        if (!exits.isEmpty()) {
            b.append(".SH EXIT STATUS\n");
            exits.forEach((code, meaning) -> b.append(".TP\n.B ").append(esc(code.strip())).append('\n')
                    .append(lines(format(meaning))));
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0 && !String.join("", footer).isBlank()) {
            b.append(".SH NOTES\n.nf\n");
            for (String f : footer) {
                b.append(lines(format(f)));
            }
            b.append(".fi\n");
        }
        if (spec.parent() != null) {
            b.append(".SH SEE ALSO\n\\fB").append(esc(pageName(spec.parent()))).append("\\fR(1)\n");
        }
        return b.toString();
    }

    /** picocli's format: {@code %n} is a line break. */
    private static String format(String s) {
        return s.replace("%n", "\n").replace("%%", "%");
    }

    private static String lines(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            b.append(line.isBlank() ? "" : esc(line.stripTrailing())).append('\n');
        }
        return b.toString();
    }

    /** Escapes troff: backslashes, hyphens, and a line-leading {@code .} or {@code '}. */
    static String esc(String s) {
        String out = s.replace("\\", "\\e").replace("-", "\\-");
        return out.startsWith(".") || out.startsWith("'") ? "\\&" + out : out;
    }
}
