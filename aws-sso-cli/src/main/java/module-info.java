/** The aws-sso command-line tool. Exports nothing. */
module io.awssso.cli {
    requires io.awssso.core;
    requires info.picocli;
    requires org.slf4j;
    requires dagger;
    requires jakarta.inject;
    requires static java.compiler;
}
