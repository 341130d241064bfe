package io.parameterportal.session;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.runtime.StartupEvent;

/**
 * quarkus-oidc writes every error answer of the user pool's endpoints at ERROR ({@code Request <url> has failed:
 * status: 400, error message: {"error":"invalid_grant"}}). From the token endpoint that answer is the user pool
 * refusing a grant the user can no longer use: a refresh token of a user signed out globally, disabled, or signed out
 * here (revoked), or a code already redeemed or expired (a reloaded callback). Each ends the session as designed — the
 * API answers 401, the page asks to sign in again — so it is not an error of the service: this filter, on quarkus-oidc's
 * category (a logger's filter runs before every handler), writes exactly that record at INFO. Every other failure of
 * the user pool (5xx, another error code, another endpoint) stays an ERROR. The record names the endpoint and the
 * OAuth error code only: an error answer carries no token.
 */
@ApplicationScoped
class RefusedRefreshLog {

    /** quarkus-oidc's client of the provider's endpoints, whose {@code responseException} writes the record. */
    static final String CATEGORY = "io.quarkus.oidc.runtime.OidcProviderClientImpl";
    /** The record's message as formatted (JBoss Logging's {@code errorf} hands the format and its parameters apart). */
    private static final Pattern REFUSED_GRANT = Pattern.compile(
            "Request \\S+/oauth2/token has failed: status: 400, error message: .*\"error\"\\s*:\\s*\"invalid_grant\".*", Pattern.DOTALL);

    /** Held here: java.util.logging may collect a logger (and its filter) nobody refers to. */
    private static final Logger QUARKUS_OIDC = Logger.getLogger(CATEGORY);

    void install(@Observes StartupEvent start) {
        QUARKUS_OIDC.setFilter(RefusedRefreshLog::downgradeRefusedGrant);
    }

    /** Always logged: only the level of a refused grant changes. */
    private static boolean downgradeRefusedGrant(LogRecord record) {
        if (isRefusedGrant(record)) {
            record.setLevel(Level.INFO);
        }
        return true;
    }

    private static boolean isRefusedGrant(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return record.getLevel().intValue() >= Level.SEVERE.intValue() && message != null
                && REFUSED_GRANT.matcher(message).matches();
    }
}
