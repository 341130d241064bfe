package io.parameterportal.testing;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Counts the calls that reach the local user pool's {@code /oauth2/token} and {@code /oauth2/revoke} (local mode), and
 * the token endpoint's refusals (400), so that tests assert exact numbers of token-endpoint calls rather than guess
 * from timings. Runs before the stand-in's own routes and changes nothing.
 */
@ApplicationScoped
public class TokenEndpointProbe {

    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final AtomicInteger tokenRefusals = new AtomicInteger();
    private final AtomicInteger revokeCalls = new AtomicInteger();

    void register(@Observes Router router) {
        router.post("/local/oauth2/token").order(-10).handler(context -> {
            tokenCalls.incrementAndGet();
            context.addHeadersEndHandler(end -> {
                if (context.response().getStatusCode() == 400) {
                    tokenRefusals.incrementAndGet();
                }
            });
            context.next();
        });
        router.post("/local/oauth2/revoke").order(-10).handler(context -> {
            revokeCalls.incrementAndGet();
            context.next();
        });
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    public int tokenRefusals() {
        return tokenRefusals.get();
    }

    public int revokeCalls() {
        return revokeCalls.get();
    }
}
