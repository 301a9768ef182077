package io.awssso.cli.completion;

import java.util.List;

/**
 * The values completion offers that come from the user's files rather than the command model.
 * Read only when a value of that kind is asked for, so completing a command name reads nothing.
 */
public interface CompletionData {
    /** The SSO instance names of the config ({@code SSOConfig} keys). */
    List<String> instances();

    /**
     * The cached roles of the instance {@code sso} (empty: {@code $AWS_SSO}, else the default).
     *
     * @param sso the instance named by {@code -S} on the line, or empty
     */
    List<Role> roles(String sso);

    /**
     * One cached role, as completion needs it.
     *
     * @param profile the profile name
     * @param accountId the 12-digit account id
     * @param roleName the role name
     * @param arn the role ARN
     */
    record Role(String profile, String accountId, String roleName, String arn) {}
}
