package io.parameterportal.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.identity.UserCredentials;
import io.parameterportal.parameter.ListedParameter;
import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.VersionHistory;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * One parameter at a time, as the user asks (docs/api.md): the name checked before any AWS call, the user
 * identified, one read under the user's own credentials, an audit record. Nothing here is cached (every
 * {@code /api} answer is {@code no-store}).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ParameterResource {

    private static final String REVEAL_FORM = "{\"name\":\"<parameter name>\",\"version\":<n, optional>,\"idToken\":\"<id token>\"}";
    private static final String HISTORY_FORM = "{\"name\":\"<parameter name>\",\"idToken\":\"<id token>\"}";

    private final Caller caller;
    private final ReadableNames names;
    private final ParameterReader parameters;
    private final AbandonedRequests abandoned;

    ParameterResource(Caller caller, ReadableNames names, ParameterReader parameters, AbandonedRequests abandoned) {
        this.caller = caller;
        this.names = names;
        this.parameters = parameters;
        this.abandoned = abandoned;
    }

    /** {@code POST /api/parameter}: one value decrypted, the current version or the one asked for. */
    @POST
    @Path("parameter")
    public Uni<ListedParameter> reveal(String body, RoutingContext http) {
        RevealRequest request = caller.parse(body, RevealRequest.class, REVEAL_FORM);
        String name = names.require(request.name());
        Optional<Long> version = versionOf(request.version());
        return readAsCaller(request, AuditLog.Event.REVEAL, name, version, http, "/api/parameter",
                credentials -> parameters.reveal(name, version, credentials));
    }

    /** {@code POST /api/history}: the versions, newest first, not decrypted, with the diff of String versions. */
    @POST
    @Path("history")
    public Uni<VersionHistory> history(String body, RoutingContext http) {
        HistoryRequest request = caller.parse(body, HistoryRequest.class, HISTORY_FORM);
        String name = names.require(request.name());
        return readAsCaller(request, AuditLog.Event.HISTORY, name, Optional.empty(), http, "/api/history",
                credentials -> parameters.history(name, credentials));
    }

    /** The caller identified, one read of {@code name} under their credentials, audited; a client gone before the answer is counted. */
    private <T> Uni<T> readAsCaller(SignedRequest request, AuditLog.Event event, String name, Optional<Long> version,
            RoutingContext http, String endpoint, Function<UserCredentials, Uni<T>> read) {
        String requestId = RequestId.of(http);
        return caller.identify(request)
                .flatMap(user -> caller.audited(caller.readAs(user, read), user, event, List.of(name), version, requestId))
                .onCancellation().invoke(() -> abandoned.count(endpoint));
    }

    /** Absent, or a positive whole number: SSM numbers versions from 1. */
    private static Optional<Long> versionOf(JsonNode version) {
        if (version == null || version.isNull()) {
            return Optional.empty();
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            throw new UnreadableRequestException("The version must be a positive whole number, e.g. \"version\":2.");
        }
        return Optional.of(version.asLong());
    }
}
