package io.parameterportal.web;

import java.util.UUID;

import io.vertx.ext.web.RoutingContext;

/**
 * The id of one HTTP request: made fresh by the service (never taken from the client, whose header could
 * forge another request's records), sent back as {@code X-Request-Id} and written into the request's audit
 * record, so a user quoting the header leads to the record.
 */
public final class RequestId {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = RequestId.class.getName();

    private RequestId() {
    }

    /** The request's id, made on first use. */
    public static String of(RoutingContext request) {
        String id = request.get(KEY);
        if (id == null) {
            id = UUID.randomUUID().toString();
            request.put(KEY, id);
            request.response().putHeader(HEADER, id);
        }
        return id;
    }
}
