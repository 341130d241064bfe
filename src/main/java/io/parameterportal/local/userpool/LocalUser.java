package io.parameterportal.local.userpool;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A user of the local user pool, as the id token describes them. */
public record LocalUser(String username, String name, String email) {

    /** Derived from the username, so that a user keeps their {@code sub} (and identity id) across restarts. */
    String sub() {
        return subOf(username);
    }

    static String subOf(String username) {
        return UUID.nameUUIDFromBytes(("sub:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
