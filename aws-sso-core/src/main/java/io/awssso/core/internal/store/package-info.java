/** Choosing and opening the SecureStore backend named in config, or detecting one. */
package io.awssso.core.internal.store;
