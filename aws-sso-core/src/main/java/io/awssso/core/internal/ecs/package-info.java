/**
 * The ECS container-credentials server ({@code aws-sso ecs server}) and its client
 * ({@code ecs load|unload|list|profile}).
 *
 * <p>The server emulates the ECS task-role endpoint that every AWS SDK's container credential
 * provider reads ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}). It keeps what clients PUT into it in
 * memory only, never touches the secure store, and answers with bodies prepared at load time so
 * that a {@code GET} costs no JSON work. Auth is a bearer token compared in constant time; TLS comes
 * from a PEM key and certificate chain.
 */
package io.awssso.core.internal.ecs;
