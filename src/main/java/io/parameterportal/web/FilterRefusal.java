package io.parameterportal.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

/**
 * A problem that a route filter answers with before any resource sees the request (too large, too slow,
 * misdirected): encoded once, when the filter is registered, and sent with {@code Connection: close}, as
 * the rest of such a request is not worth reading.
 */
public record FilterRefusal(int status, String body) {

    public static FilterRefusal of(int status, String title, String detail) {
        return new FilterRefusal(status, Json.encode(Problem.of(status, title, detail)));
    }

    public void send(HttpServerResponse response) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
