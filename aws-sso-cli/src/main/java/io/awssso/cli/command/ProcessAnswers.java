package io.awssso.cli.command;

import io.awssso.core.AwsSso;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's {@code process} path, for the agent: the stored-credentials answer that
 * {@link ProcessFastPath} gives before it would run the full tool, for the request's environment
 * instead of this process's. The agent runs the same two steps as a JVM started by the launcher
 * (this, then {@code Main}), so its answers and messages are that path's: this is
 * {@link ProcessFastPath#cached} itself, for other variables; {@code AgentParityTest} holds both
 * steps to the engine.
 */
public final class ProcessAnswers {
    private ProcessAnswers() {
    }

    /**
     * The credential_process document, or empty when the full tool must run.
     *
     * @param args the command line
     * @param environment the caller's variables
     * @param home the caller's home directory
     * @param userMessages the caller's stderr (the json store's warning goes there)
     * @param engines where the engine step's engine comes from (the agent's kept ones), or null
     *     for a new one per call
     */
    public static Optional<String> fromStore(String[] args, Map<String, String> environment, Path home,
            PrintStream userMessages, ProcessFastPath.Engines engines) {
        return ProcessFastPath.cached(args, AwsSso.builder().environment(environment, home).userMessages(userMessages),
                engines).map(ProcessFastPath.Answer::json);
    }
}
