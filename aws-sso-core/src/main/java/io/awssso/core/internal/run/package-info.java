/**
 * One task across many roles ({@code AwsSso.roles().forEach}, {@code aws-sso run}): selecting roles by
 * {@code KEY=GLOB} on the listing's fields and tags, and running a task for each with bounded
 * parallelism, credentials paced by the catalog's {@code CallGovernor}, and cancellation.
 */
package io.awssso.core.internal.run;
