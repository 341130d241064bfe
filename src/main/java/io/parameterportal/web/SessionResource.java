package io.parameterportal.web;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.ValueCache;
import io.smallrye.mutiny.Uni;

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

    SessionResource(Caller caller, ParameterReader parameters, ValueCache values) {
        this.caller = caller;
        this.parameters = parameters;
        this.values = values;
    }

    /** Takes any content type: a body that is not JSON deserves a 400 that says so, not a 415. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SessionView> open(String body) {
        SessionRequest request = caller.parse(body, SessionRequest.class, FORM);
        return caller.identify(request)
                .flatMap(user -> values.get(user.token(), user.role().requested(), () -> caller.readAs(user, parameters::readAll))
                        .map(view -> new SessionView(user.name(), view.parameter(), user.role().shown().orElse(null),
                                user.token().roles(), view.paths())));
    }
}
