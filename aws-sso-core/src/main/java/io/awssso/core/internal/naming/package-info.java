/**
 * Profile names from {@code ProfileFormat}: Go's {@code text/template} language, parsed and run
 * here in Java ({@link io.awssso.core.internal.naming.TemplateParser},
 * {@link io.awssso.core.internal.naming.TemplateExecutor}), with sprig's functions and
 * aws-sso-cli's own, so that a ProfileFormat gives the names aws-sso-cli gives. No template
 * engine library: the credential_process path never loads this package.
 */
package io.awssso.core.internal.naming;
