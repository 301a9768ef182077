/** Handing a URL (login or console) to the user: print it, open a browser, copy it, or run a command. */
package io.awssso.core.internal.url;
