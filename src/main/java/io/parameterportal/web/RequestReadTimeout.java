package io.parameterportal.web;

import jakarta.enterprise.event.Observes;

import io.parameterportal.config.PortalConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Cuts off a client that has not sent its whole request within {@code portal.request-read-timeout}: one
 * that declares a body and then trickles or withholds it would otherwise hold its connection (and a
 * file descriptor) for as long as it likes, and a few thousand such clients exhaust a task. The HTTP
 * idle timeout alone does not catch a client that sends a byte now and then.
 */
class RequestReadTimeout {

    /** Before every other filter: the clock runs from the moment the request's head was read. */
    private static final int FIRST = 1000;

    void register(@Observes Filters filters, PortalConfig config, Vertx vertx) {
        long timeoutMillis = config.requestReadTimeout().toMillis();
        FilterRefusal tooSlow = FilterRefusal.of(408, "Request timeout",
                "The request was not received in full within " + config.requestReadTimeout().toSeconds() + " s.");
        filters.register(context -> watch(context, vertx, timeoutMillis, tooSlow), FIRST);
    }

    private static void watch(RoutingContext context, Vertx vertx, long timeoutMillis, FilterRefusal tooSlow) {
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            long timer = vertx.setTimer(timeoutMillis, fired -> {
                if (!request.isEnded()) {
                    if (!context.response().headWritten()) {
                        tooSlow.send(context.response());
                    }
                    request.connection().close();
                }
            });
            context.addEndHandler(done -> vertx.cancelTimer(timer));
        }
        context.next();
    }
}
