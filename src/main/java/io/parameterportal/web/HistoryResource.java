package io.parameterportal.web;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.VersionHistory;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/history}: the versions of one parameter, newest first, not decrypted, with the line diff
 * of each String version against the one before it (docs/api.md), read under the user's own credentials.
 */
@Path("/api/history")
public class HistoryResource {

    private static final String FORM = "{\"name\":\"<parameter name>\",\"idToken\":\"<id token>\"}";

    private final Caller caller;
    private final ReadableNames names;
    private final ParameterReader parameters;

    HistoryResource(Caller caller, ReadableNames names, ParameterReader parameters) {
        this.caller = caller;
        this.names = names;
        this.parameters = parameters;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<VersionHistory> history(String body, RoutingContext http) {
        HistoryRequest request = caller.parse(body, HistoryRequest.class, FORM);
        String name = names.require(request.name());
        String requestId = RequestId.of(http);
        return caller.identify(request)
                .flatMap(user -> caller.audited(caller.readAs(user, credentials -> parameters.history(name, credentials)),
                        user, AuditLog.Event.HISTORY, List.of(name), Optional.empty(), requestId));
    }
}
