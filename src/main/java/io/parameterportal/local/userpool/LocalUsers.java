package io.parameterportal.local.userpool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.PortalSettings;

/** The local user pool's users, from {@code portal.local.users}. */
@ApplicationScoped
class LocalUsers {

    private final Map<String, PortalConfig.Local.User> users;

    LocalUsers(PortalSettings settings) {
        this.users = settings.local().users();
    }

    /** The user, when the password is theirs; empty for an unknown user or a wrong password alike. */
    Optional<LocalUser> authenticate(String username, String password) {
        PortalConfig.Local.User user = username == null ? null : users.get(username);
        if (user == null || password == null || !sameText(user.password(), password)) {
            return Optional.empty();
        }
        return Optional.of(new LocalUser(username, user.name(), user.email()));
    }

    private static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
