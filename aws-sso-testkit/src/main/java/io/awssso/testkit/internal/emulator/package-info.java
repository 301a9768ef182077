/**
 * The engine of {@code io.awssso.testkit.IdentityCenterEmulator}: request routing, the wire
 * formats of SSO OIDC, the SSO portal, STS and console federation, and the emulated state.
 * Not exported; only the facade in {@code io.awssso.testkit} is public API.
 */
package io.awssso.testkit.internal.emulator;
