package io.parameterportal.local.userpool;

import java.time.Instant;
import java.util.UUID;

/**
 * One sign-in at the hosted UI, as every token it yields remembers it: its time ({@code auth_time}, which a refreshed
 * token keeps: OpenID Connect Core 12.2) and its id ({@code origin_jti}, which Cognito writes into the id and access
 * tokens of a sign-in and of every refresh from it when the app client has token revocation on, as the local one has).
 */
record Authentication(Instant at, String originJti) {

    /** A new sign-in at {@code at}, with an {@code origin_jti} of its own. */
    static Authentication startedAt(Instant at) {
        return new Authentication(at, UUID.randomUUID().toString());
    }
}
