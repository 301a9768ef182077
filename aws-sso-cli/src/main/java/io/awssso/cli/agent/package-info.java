/**
 * The per-user agent behind {@code aws-sso process} (issue 14): a long-lived process that answers
 * {@code process} requests from the launcher's shell client over loopback HTTP, so that a cache
 * hit needs no JVM start. The wire protocol is fixed in the README section "Agent".
 */
package io.awssso.cli.agent;
