/**
 * Profile names from {@code ProfileFormat}: a Pebble template engine with the functions of
 * aws-sso-cli's Go templates, and a translator that turns the Go-template form existing configs
 * use into Pebble, so that both forms give the same names.
 */
package io.awssso.core.internal.naming;
