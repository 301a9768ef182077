package io.awssso.cli.command;

import io.awssso.cli.render.Json;
import io.awssso.cli.render.Table;
import io.awssso.core.EcsClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what ECS server slots hold ({@code ecs list}, {@code ecs profile}): a table
 * {@code ProfileName | AccountIdPad | RoleName | Expires} followed by a blank line, or JSON shaped
 * like the server's {@code ListProfilesResponse} ({@code Expiration} in epoch seconds).
 */
final class EcsProfiles {
    private static final List<String> HEADER = List.of("ProfileName", "AccountIdPad", "RoleName", "Expires");

    private EcsProfiles() {}

    /** Prints the profiles as a table. */
    static void table(PrintWriter out, List<EcsClient.Profile> profiles) {
        List<List<String>> rows = new ArrayList<>();
        for (EcsClient.Profile p : profiles) {
            rows.add(List.of(p.profileName(), p.accountId().value(), p.roleName(), p.expires()));
        }
        Table.lines(HEADER, rows).forEach(out::println);
        out.println();
    }

    /** Prints the profiles as a JSON array. */
    static void jsonArray(PrintWriter out, List<EcsClient.Profile> profiles) {
        out.println(Json.write(profiles.stream().map(EcsProfiles::object).toList()));
    }

    /** Prints one profile as a JSON object. */
    static void jsonObject(PrintWriter out, EcsClient.Profile profile) {
        out.println(Json.write(object(profile)));
    }

    private static Map<String, Object> object(EcsClient.Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ProfileName", p.profileName());
        m.put("AccountId", p.accountId().value());
        m.put("RoleName", p.roleName());
        m.put("Expiration", p.expiration().getEpochSecond());
        m.put("Expires", p.expires());
        return m;
    }
}
