package io.parameterportal.local.userpool;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user of the local user pool, as the id token describes them.
 *
 * @param groups the user's groups ({@code cognito:groups})
 * @param roles the ARNs of their groups' roles ({@code cognito:roles})
 * @param preferredRole the role of the group with the lowest precedence ({@code cognito:preferred_role}); none
 *        when groups tied for it carry different roles, as on Cognito
 */
public record LocalUser(String username, String name, String email, List<String> groups, List<String> roles,
        Optional<String> preferredRole) {

    /** Derived from the username, so that a user keeps their {@code sub} (and identity id) across restarts. */
    String sub() {
        return subOf(username);
    }

    static String subOf(String username) {
        return UUID.nameUUIDFromBytes(("sub:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
