package io.parameterportal.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.config.ParameterScope;
import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.ValueCache;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/session}: the whole service in a few steps — take the id token (as posted in the implicit flow,
 * from the session in the code flow), verify it and pick the role ({@link Caller#identify}), read the parameters
 * with the user's credentials ({@link Caller#readAs}), answer.
 */
@Path("/api/session")
public class SessionResource {

    private static final String FORM = "{\"idToken\":\"<id token>\",\"nonce\":\"<nonce>\"} (implicit flow) or {} "
            + "(code flow, with the session cookie), optionally with \"role\"";

    private final Caller caller;
    private final ParameterReader parameters;
    private final ValueCache values;
    /** What a view reads, as its audit record names it: the tutorial's parameter and the configured paths. */
    private final List<String> viewed;
    private final AbandonedRequests abandoned;

    SessionResource(Caller caller, ParameterReader parameters, ValueCache values, ParameterScope scope,
            AbandonedRequests abandoned) {
        this.caller = caller;
        this.parameters = parameters;
        this.values = values;
        this.viewed = Stream.concat(Stream.of(scope.seed()), scope.paths().stream()).toList();
        this.abandoned = abandoned;
    }

    /** Takes any content type: a body that is not JSON deserves a 400 that says so, not a 415. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SessionView> open(String body, RoutingContext http) {
        SessionRequest request = caller.parse(body, SessionRequest.class, FORM);
        String requestId = RequestId.of(http);
        return caller.identify(request)
                .flatMap(user -> caller.audited(
                        values.get(user.token(), user.role().requested(), () -> caller.readAs(user, parameters::readAll)),
                        user, AuditLog.Event.VIEW, viewed, Optional.empty(), requestId)
                        .map(view -> new SessionView(user.name(), view.parameter(), user.role().shown().orElse(null),
                                user.token().roles(), user.token().expiresAt(), view.paths())))
                // Quarkus REST cancels the answer when the client closes the connection before it.
                .onCancellation().invoke(() -> abandoned.count("/api/session"));
    }
}
