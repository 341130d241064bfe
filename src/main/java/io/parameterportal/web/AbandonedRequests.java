package io.parameterportal.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.config.PortalConfig;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;

/**
 * Requests whose client closed the connection before the answer (a browser navigating away, a load
 * balancer's timeout, the SDK giving up on a local stand-in): no error of ours, so each is logged once at
 * DEBUG and counted in {@value #METER} (tag {@code route}), on the management port's {@code /q/metrics}.
 */
@Singleton
public class AbandonedRequests {

    public static final String METER = "portal.requests.abandoned";
    /** The {@code route} tag of a request that failed because its connection closed: a few fixed values, never the path as sent. */
    static final String LOCAL_ROUTE = PortalConfig.Local.PREFIX;
    static final String OTHER_ROUTE = "other";

    private static final Logger LOG = Logger.getLogger(AbandonedRequests.class);

    private final MeterRegistry registry;

    AbandonedRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The client of {@code route} (a fixed name, such as {@code /api/session}) left before its answer. */
    public void count(String route) {
        LOG.debugf("The client left before the answer to %s", route);
        Counter.builder(METER)
                .description("Requests whose client closed the connection before the answer")
                .tag("route", route)
                .register(registry)
                .increment();
    }

    /**
     * A request whose connection closed while a route read it (a body cut off mid-way) fails with
     * {@link HttpClosedException}; without this handler Quarkus' error handler logs each at ERROR. There is
     * no one left to answer.
     */
    void register(@Observes Router router) {
        router.route().failureHandler(context -> {
            if (!(context.failure() instanceof HttpClosedException)) {
                context.next();
                return;
            }
            String path = context.request().path();
            count(path != null && path.startsWith(LOCAL_ROUTE + "/") ? LOCAL_ROUTE : OTHER_ROUTE);
        });
    }
}
