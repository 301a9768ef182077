/** Test kits: the Identity Center emulator, the secure-store compatibility kit and fakes. */
package io.awssso.testkit;
