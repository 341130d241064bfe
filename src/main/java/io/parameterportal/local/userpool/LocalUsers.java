package io.parameterportal.local.userpool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.PortalConfig;

/**
 * The local user pool's users, from {@code portal.local.users}, and what an administrator may do to
 * them at runtime as on Cognito: disable and enable a user, sign a user out globally. The local
 * identity pool asks {@link #refusal} before it honours a token, as Cognito's identity pool does with
 * its server-side token check.
 */
@ApplicationScoped
public class LocalUsers {

    private final Map<String, PortalConfig.Local.User> users;
    private final Map<String, PortalConfig.Local.Group> groups;
    /** Who a token's {@code sub} is: worked out once, not per identity-pool call (a name-based UUID per user). */
    private final Map<String, String> usernameBySub = new HashMap<>();
    private final Clock clock;
    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    /** Per user, the second of their last global sign-out: tokens issued up to then are revoked. */
    private final Map<String, Instant> signedOutAt = new ConcurrentHashMap<>();

    LocalUsers(PortalConfig.Local local, Clock clock) {
        this.users = local.users();
        this.groups = local.groups();
        this.clock = clock;
        users.forEach((username, user) -> {
            enabled.put(username, user.enabled());
            usernameBySub.put(LocalUser.subOf(username), username);
            user.groups().orElse(List.of()).forEach(group -> requireGroup(username, group, local));
        });
    }

    private static void requireGroup(String username, String group, PortalConfig.Local local) {
        PortalConfig.Local.Group found = local.groups().get(group);
        if (found == null) {
            throw new IllegalStateException("portal.local.users." + username + ".groups names " + group
                    + ", which is not in portal.local.groups.");
        }
        if (!local.roles().containsKey(found.role())) {
            throw new IllegalStateException("portal.local.groups." + group + ".role names " + found.role()
                    + ", which is not in portal.local.roles.");
        }
    }

    /** The user, when the password is theirs; empty for an unknown user or a wrong password alike. */
    Optional<LocalUser> authenticate(String username, String password) {
        PortalConfig.Local.User user = username == null ? null : users.get(username);
        if (user == null || password == null || !sameText(user.password(), password)) {
            return Optional.empty();
        }
        List<String> userGroups = user.groups().orElse(List.of());
        List<PortalConfig.Local.Group> byPrecedence = userGroups.stream().map(groups::get)
                .sorted(Comparator.comparingInt(PortalConfig.Local.Group::precedence)).toList();
        List<String> roles = byPrecedence.stream().map(group -> LocalAccount.roleArn(group.role())).distinct().toList();
        return Optional.of(new LocalUser(username, user.name(), user.email(), userGroups, roles, preferredRole(byPrecedence)));
    }

    /** The role of the group with the lowest precedence, unless groups tied for it carry different roles. */
    private static Optional<String> preferredRole(List<PortalConfig.Local.Group> byPrecedence) {
        if (byPrecedence.isEmpty()) {
            return Optional.empty();
        }
        int best = byPrecedence.get(0).precedence();
        Set<String> tied = byPrecedence.stream().filter(group -> group.precedence() == best)
                .map(PortalConfig.Local.Group::role).collect(Collectors.toSet());
        return tied.size() == 1 ? Optional.of(LocalAccount.roleArn(tied.iterator().next())) : Optional.empty();
    }

    /** Why the identity pool must refuse a token of the user with {@code sub} issued at {@code issuedAt}, if it must. */
    public Optional<String> refusal(String sub, Instant issuedAt) {
        Optional<String> username = Optional.ofNullable(usernameBySub.get(sub));
        if (username.isEmpty()) {
            return Optional.of("User does not exist.");
        }
        if (!isEnabled(username.get())) {
            return Optional.of("User is disabled.");
        }
        Instant signOut = signedOutAt.get(username.get());
        if (signOut != null && !issuedAt.isAfter(signOut)) {
            return Optional.of("Token has been revoked.");
        }
        return Optional.empty();
    }

    boolean isEnabled(String username) {
        return enabled.getOrDefault(username, false);
    }

    /** @return false when there is no such user */
    public boolean setEnabled(String username, boolean value) {
        return users.containsKey(username) && enabled.replace(username, value) != null;
    }

    /** Revokes every token the user holds now (as AdminUserGlobalSignOut); @return false when there is no such user */
    public boolean signOutGlobally(String username) {
        if (!users.containsKey(username)) {
            return false;
        }
        signedOutAt.put(username, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return true;
    }

    private static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
