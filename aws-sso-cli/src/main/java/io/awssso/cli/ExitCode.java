package io.awssso.cli;

/**
 * The exit codes of the {@code aws-sso} process. Scripts branch on these, so a code never changes
 * meaning once released; new situations get new codes.
 *
 * <p>The "Exit codes" section of {@code aws-sso --help} is generated from this enum, and a test
 * checks the README's table against it.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0, "success"),
    /** A runtime error not covered by a more specific code (any other aws-sso error). */
    FAILURE(1, "error (any failure without a more specific code)"),
    /** Bad flags or arguments, an unknown command, or a missing command. */
    USAGE(2, "usage error: unknown command or flag, bad argument"),
    /** The configuration file is invalid; the message names file, line and key. */
    CONFIGURATION(3, "configuration invalid"),
    /** No valid SSO session: run {@code aws-sso login}. */
    LOGIN_REQUIRED(4, "login required: run `aws-sso login`"),
    /** The requested account, role or profile does not exist for this SSO instance. */
    ROLE_NOT_FOUND(5, "role not found"),
    /** The secure store holding tokens and credentials cannot be opened or used. */
    STORE_UNAVAILABLE(6, "secure store unavailable"),
    /** AWS kept throttling the requests after the retries. */
    THROTTLED(7, "throttled by AWS"),
    /** The command was interrupted (as by Ctrl-C: 128 + SIGINT). */
    INTERRUPTED(130, "interrupted");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** Returns the numeric process exit status. */
    public int code() {
        return code;
    }

    /** Returns a short description for people, as shown in {@code --help}. */
    public String meaning() {
        return meaning;
    }
}
