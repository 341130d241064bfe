package io.parameterportal.session;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.web.RequestId;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The code flow's {@code sign-in} and {@code sign-out} audit records: a sign-in when quarkus-oidc has redeemed a code
 * and started a session (its {@code OIDC_LOGIN} event), a sign-out when {@code /logout} ends one. Named by the id
 * token's user and {@code sub}; never a token or cookie.
 */
@ApplicationScoped
class SessionAudit {

    private final AuditLog audit;

    SessionAudit(AuditLog audit) {
        this.audit = audit;
    }

    void signedIn(@Observes SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_LOGIN) {
            SecurityIdentity user = event.getSecurityIdentity();
            write(AuditLog.Event.SIGN_IN, user, user.getAttribute(RoutingContext.class.getName()));
        }
    }

    void signedOut(SecurityIdentity user, RoutingContext http) {
        write(AuditLog.Event.SIGN_OUT, user, http);
    }

    private void write(AuditLog.Event event, SecurityIdentity user, RoutingContext http) {
        JsonWebToken idToken = (JsonWebToken) user.getPrincipal();
        String name = Optional.ofNullable(idToken.<String>getClaim("name"))
                .orElseGet(() -> idToken.getClaim("cognito:username"));
        audit.write(new AuditLog.Entry(event, AuditLog.Outcome.ALLOWED, name, idToken.getSubject(), Optional.empty(), List.of(),
                Optional.empty(), http == null ? "" : RequestId.of(http)));
    }
}
