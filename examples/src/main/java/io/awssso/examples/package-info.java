/** Example programs built only on aws-sso's exported API. */
package io.awssso.examples;
