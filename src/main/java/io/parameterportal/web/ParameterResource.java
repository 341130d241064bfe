package io.parameterportal.web;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.parameter.ListedParameter;
import io.parameterportal.parameter.ParameterReader;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/parameter}: reveals one value the user asked to see — the name checked, the user
 * identified, one GetParameter with decryption under the user's own credentials, never cached (the
 * answer is {@code no-store}, as every {@code /api} answer), and an audit record.
 */
@Path("/api/parameter")
public class ParameterResource {

    private static final String FORM = "{\"name\":\"<parameter name>\",\"version\":<n, optional>,\"idToken\":\"<id token>\"}";

    private final Caller caller;
    private final ReadableNames names;
    private final ParameterReader parameters;

    ParameterResource(Caller caller, ReadableNames names, ParameterReader parameters) {
        this.caller = caller;
        this.names = names;
        this.parameters = parameters;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ListedParameter> reveal(String body, RoutingContext http) {
        RevealRequest request = caller.parse(body, RevealRequest.class, FORM);
        String name = names.require(request.name());
        Optional<Long> version = versionOf(request.version());
        String requestId = RequestId.of(http);
        return caller.identify(request)
                .flatMap(user -> caller.audited(caller.readAs(user, credentials -> parameters.reveal(name, version, credentials)),
                        user, AuditLog.Event.REVEAL, List.of(name), version, requestId));
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
