/**
 * Test kits for aws-sso and for code that embeds it.
 *
 * <ul>
 *   <li>{@link io.awssso.testkit.IdentityCenterEmulator}: a real HTTP server on 127.0.0.1 speaking
 *       the SSO OIDC, SSO portal, STS and console federation wire protocols, programmable from Java
 *       (data set, lifetimes, {@link io.awssso.testkit.Approval approval}, rate limits, failures,
 *       latency) and recording every {@link io.awssso.testkit.Call call}. Use it from JUnit 5 with
 *       {@link io.awssso.testkit.IdentityCenterEmulatorExtension}, or standalone with
 *       {@link io.awssso.testkit.EmulatorMain}.</li>
 *   <li>{@link io.awssso.testkit.HostileDirectory}: account names, e-mails, role names and tags an
 *       attacker chose, for the emulator to serve, with a canary file that exists only if a client
 *       ran one of them as code.</li>
 *   <li>The secure-store compatibility kit and in-memory fakes.</li>
 *   <li>{@link io.awssso.testkit.MutableClock}: a clock tests move by hand instead of sleeping.</li>
 * </ul>
 */
package io.awssso.testkit;
