/** picocli mixins shared by several commands, such as the global options valid on every command. */
package io.awssso.cli.options;
