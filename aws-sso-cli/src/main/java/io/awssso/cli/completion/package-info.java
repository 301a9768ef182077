/**
 * Shell completion: the predictors behind the hidden {@code __complete} command (commands and
 * flags from the picocli model; profiles, accounts, roles, ARNs and list fields from the role
 * cache; instances from the config), and the bash, zsh and fish scripts that call it, with the
 * managed rc-file block that {@code setup completions} installs.
 */
package io.awssso.cli.completion;
