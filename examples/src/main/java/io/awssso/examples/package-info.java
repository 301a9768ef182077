/** Small programs that use only aws-sso's exported API. */
package io.awssso.examples;
