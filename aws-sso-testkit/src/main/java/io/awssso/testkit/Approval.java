package io.awssso.testkit;

/**
 * How the {@link IdentityCenterEmulator} decides whether the person behind a device-code or PKCE
 * sign-in approves it.
 *
 * <ul>
 *   <li>{@link #automatic()} (the default): the first {@code CreateToken} poll gets a token, and
 *       the {@code /authorize} page redirects straight back with a code.</li>
 *   <li>{@link #afterPolls(int)}: the first {@code n} polls answer {@code authorization_pending},
 *       the next one gets the token (the {@code /authorize} page still approves at once).</li>
 *   <li>{@link #manual()}: nothing is approved until someone presses "Allow" on the verification
 *       page ({@code verificationUriComplete}) or the authorize page, or a test calls
 *       {@link IdentityCenterEmulator#approve(String)}.</li>
 *   <li>{@link #deny()}: every sign-in is refused ({@code access_denied}).</li>
 * </ul>
 *
 * @param mode         the decision rule
 * @param pendingPolls for {@link Mode#AUTOMATIC}, how many polls answer pending before approval
 */
public record Approval(Mode mode, int pendingPolls) {

    /** The decision rules. */
    public enum Mode {
        /** Approve by itself, possibly after some pending polls. */
        AUTOMATIC,
        /** Wait for a person (or the test) to approve or deny. */
        MANUAL,
        /** Refuse every sign-in. */
        DENY
    }

    /** Checks that a mode is given and the poll count is not negative. */
    public Approval {
        if (mode == null) {
            throw new IllegalArgumentException("approval mode must not be null");
        }
        if (pendingPolls < 0) {
            throw new IllegalArgumentException("pending polls must not be negative, got " + pendingPolls);
        }
    }

    /** Approves at the first poll. */
    public static Approval automatic() {
        return new Approval(Mode.AUTOMATIC, 0);
    }

    /** Answers {@code authorization_pending} to the first {@code pendingPolls} polls, then approves. */
    public static Approval afterPolls(int pendingPolls) {
        return new Approval(Mode.AUTOMATIC, pendingPolls);
    }

    /** Waits for the verification or authorize page (or {@link IdentityCenterEmulator#approve}). */
    public static Approval manual() {
        return new Approval(Mode.MANUAL, 0);
    }

    /** Denies every sign-in. */
    public static Approval deny() {
        return new Approval(Mode.DENY, 0);
    }
}
