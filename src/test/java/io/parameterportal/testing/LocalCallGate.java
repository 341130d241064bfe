package io.parameterportal.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Stands before the local AWS stand-in ({@code POST /local/}) in every local-mode test and lets each call
 * through as it came, except that a test can hold the calls of one operation until it releases them: how a
 * test knows for sure that a call is in flight (the portal has sent it) before it acts, instead of hoping.
 */
@ApplicationScoped
public class LocalCallGate {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Runnable> held = new CopyOnWriteArrayList<>();
    private volatile String heldOperation;

    void register(@Observes Router router) {
        // Before the stand-in's own routes, which take their order from when they were added.
        router.routeWithRegex(HttpMethod.POST, "/local/?").order(-1).handler(this::pass);
    }

    /** From now on, calls of {@code operation} (e.g. {@code GetId}) wait at the gate until {@link #release()}. */
    public void hold(String operation) {
        heldOperation = operation;
    }

    /** Waits until {@code count} calls are held: the portal has sent them and they wait for their answer. */
    public void awaitHeld(int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (held.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " " + heldOperation + " calls did not arrive within " + PATIENCE + "; "
                        + held.size() + " did");
            }
            Thread.sleep(5);
        }
    }

    /** Lets the held calls through, and those to come. */
    public void release() {
        heldOperation = null;
        for (Runnable call : held) {
            held.remove(call);
            call.run();
        }
    }

    private void pass(RoutingContext call) {
        String operation = heldOperation;
        String target = call.request().getHeader("X-Amz-Target");
        if (operation == null || target == null || !target.endsWith("." + operation)) {
            call.next();
            return;
        }
        // The stand-in's body handler reads the body once the call goes on; until then it waits unread.
        call.request().pause();
        Context eventLoop = Vertx.currentContext();
        held.add(() -> eventLoop.runOnContext(ignored -> call.next()));
    }
}
