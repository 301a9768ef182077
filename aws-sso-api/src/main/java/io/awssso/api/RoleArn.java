package io.awssso.api;

import java.util.Objects;

/**
 * The ARN of an IAM role, {@code arn:<partition>:iam::<account>:role/<name>}.
 *
 * <p>{@link #parse} also accepts the short form {@code <account>:<role>} that the command line
 * offers, which implies the {@code aws} partition.
 *
 * @param partition the partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...)
 * @param accountId the account the role lives in
 * @param roleName the role's name as it follows {@code role/} in the ARN, with its path when it
 *     has one ({@code team/Deploy}): the ARN and the name round-trip, so an AssumeRole of a
 *     role with a path and a directory's role name that holds a {@code /} both keep every part
 */
public record RoleArn(String partition, AccountId accountId, String roleName)
        implements Comparable<RoleArn> {

    /** Checks that every part is present. */
    public RoleArn {
        Objects.requireNonNull(accountId, "accountId");
        if (partition == null || partition.isBlank() || partition.contains(":")) {
            throw new IllegalArgumentException("invalid partition '" + partition + "'");
        }
        if (roleName == null || roleName.isBlank() || roleName.contains(":")) {
            throw new IllegalArgumentException("invalid role name '" + roleName + "'");
        }
    }

    /** A role ARN in the {@code aws} partition. */
    public static RoleArn of(AccountId accountId, String roleName) {
        return of(Partition.AWS, accountId, roleName);
    }

    /**
     * A role ARN in the given partition (for a role of an SSO instance, the partition of its
     * region: {@link Partition#ofRegion}).
     *
     * @throws IllegalArgumentException when the role name is empty or holds a {@code :}
     */
    public static RoleArn of(Partition partition, AccountId accountId, String roleName) {
        return new RoleArn(partition.id(), accountId, roleName);
    }

    /**
     * Parses a full role ARN or the short form {@code <account>:<role>}.
     *
     * @throws IllegalArgumentException with a message naming the text when it is neither
     */
    public static RoleArn parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("role ARN is missing");
        }
        // only spaces and tabs around the text are dropped: a role name from AWS may end in any
        // other character (a line break, U+2029), and the ARN must give it back whole
        String t = text.replaceAll("\\A[ \\t]+|[ \\t]+\\z", "");
        try {
            if (t.startsWith("arn:")) {
                String[] p = t.split(":", 6);
                if (p.length == 6 && p[2].equals("iam") && p[3].isEmpty()
                        && p[5].startsWith("role/")) {
                    String name = p[5].substring("role/".length());
                    return new RoleArn(p[1], AccountId.parse(p[4]), name);
                }
            } else {
                int colon = t.indexOf(':');
                if (colon > 0 && t.indexOf(':', colon + 1) < 0) {
                    return of(AccountId.parse(t.substring(0, colon)), t.substring(colon + 1));
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through to the uniform message below
        }
        throw new IllegalArgumentException("invalid role ARN '" + text
                + "': expected arn:aws:iam::<account>:role/<name> or <account>:<name>");
    }

    /** The full ARN text. */
    @Override
    public String toString() {
        return "arn:" + partition + ":iam::" + accountId.value() + ":role/" + roleName;
    }

    @Override
    public int compareTo(RoleArn other) {
        return toString().compareTo(other.toString());
    }
}
