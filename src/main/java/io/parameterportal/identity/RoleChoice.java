package io.parameterportal.identity;

import java.util.List;
import java.util.Optional;

import io.parameterportal.token.VerifiedIdToken;

/**
 * The role a view runs as. Asked for explicitly, it must be one the verified token lists (it then goes
 * to the identity pool as {@code CustomRoleArn}); otherwise the identity pool picks, by the token:
 * Cognito's preferred role (or its only role), else the pool's authenticated role.
 *
 * @param requested the role to send as {@code CustomRoleArn}; empty lets the identity pool decide
 * @param shown the role to name in the answer, when the token tells it
 */
public record RoleChoice(Optional<String> requested, Optional<String> shown) {

    /** @throws RoleNotAllowedException for a role the token does not list */
    public static RoleChoice of(VerifiedIdToken token, String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!token.roles().contains(requested)) {
                throw new RoleNotAllowedException(requested, token.displayName());
            }
            return new RoleChoice(Optional.of(requested), Optional.of(requested));
        }
        List<String> roles = token.roles();
        Optional<String> byToken = token.preferredRole().or(() -> roles.size() == 1 ? Optional.of(roles.get(0)) : Optional.empty());
        return new RoleChoice(Optional.empty(), byToken);
    }
}
