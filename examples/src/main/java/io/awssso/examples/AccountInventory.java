package io.awssso.examples;

import io.awssso.core.AwsSso;
import io.awssso.core.RoleFilter;
import io.awssso.core.RoleRunResult;
import io.awssso.core.RunOptions;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An internal tool: one task in every account a filter selects. It lists the matching roles from
 * the catalog, then asks STS who it is in each of them, eight at a time, with each role's own
 * credentials (stored ones reused, the rest fetched at the pace IAM Identity Center allows). A
 * role that fails is reported with its reason; the others go on.
 *
 * <pre>
 * java io.awssso.examples.AccountInventory RoleName=ReadOnly AccountName='prod-*'
 * </pre>
 */
public final class AccountInventory {
    private AccountInventory() {
    }

    /**
     * Prints one line per selected role: its profile and the caller ARN STS sees, or why it failed.
     * Exits 1 when any role failed.
     *
     * @param args {@code KEY=GLOB} filters on the roles' fields and tags
     */
    public static void main(String[] args) {
        try (AwsSso sso = AwsSso.builder().build()) {
            RoleFilter filter = RoleFilter.parse(List.of(args));
            System.err.println(sso.roles().matching(filter).size() + " roles match " + filter);
            boolean allOk = true;
            for (RoleRunResult<String> r : callerArns(sso, filter, Region.US_EAST_1)) {
                allOk &= r.succeeded();
                System.out.println(r.role().profile() + "\t" + (r.succeeded() ? r.value()
                        : "FAILED: " + r.failure().getMessage()));
            }
            System.exit(allOk ? 0 : 1);
        }
    }

    /**
     * STS GetCallerIdentity in every role {@code filter} selects.
     *
     * @return per role, the caller ARN, or the failure
     */
    public static List<RoleRunResult<String>> callerArns(AwsSso sso, RoleFilter filter, Region region) {
        return sso.roles().forEach(filter, RunOptions.builder().parallelism(8).build(), (role, credentials) -> {
            try (StsClient sts = StsClient.builder().region(region).credentialsProvider(credentials).build()) {
                return sts.getCallerIdentity().arn();
            }
        });
    }
}
