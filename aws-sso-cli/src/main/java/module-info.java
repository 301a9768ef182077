/**
 * The aws-sso command-line tool: a thin picocli front end over {@code io.awssso.core}. It exports
 * nothing; the entry point is {@code io.awssso.cli.Main}.
 */
module io.awssso.cli {
    requires io.awssso.core;
    requires info.picocli;
    // ecs server --docker reads the one-time secrets file ecs docker start writes
    requires com.fasterxml.jackson.databind;
    requires org.jline;
    requires org.slf4j;
    requires dagger;
    requires jakarta.inject;
    // sun.misc.Signal, reached reflectively (Signals): exec ignores Ctrl-C while its child runs,
    // ecs server stops cleanly on SIGINT/SIGTERM
    requires jdk.unsupported;
    requires static java.compiler;

    // picocli reads and writes the annotated fields of commands and mixins reflectively, even
    // just to print --help.
    opens io.awssso.cli.command to info.picocli;
    opens io.awssso.cli.options to info.picocli;
}
