package io.parameterportal.web;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} with a problem+json 413 before
 * it is read; on its own, that limit answers a bare 413. (A chunked body without a length still meets
 * the bare one.)
 */
class RequestSizeLimit {

    private static final int BEFORE_BODY_HANDLING = 100;

    void register(@Observes Filters filters, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long maxBytes = limit.asLongValue();
        FilterRefusal tooLarge = FilterRefusal.of(413, "Request too large",
                "The request body is larger than " + maxBytes / 1024 + " KiB; an id token is far smaller.");
        filters.register(context -> refuseIfTooLarge(context, maxBytes, tooLarge), BEFORE_BODY_HANDLING);
    }

    private static void refuseIfTooLarge(RoutingContext context, long maxBytes, FilterRefusal tooLarge) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxBytes) {
            tooLarge.send(context.response());
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
