package io.parameterportal.aws;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Fetches the user pool's JWKS, which the AWS SDK does not cover, over Vert.x's non-blocking HTTP client: no thread
 * waits, every call ends within {@code portal.upstream-timeout}, and an answer larger than the caller allows is cut
 * off. Nothing here logs. (The code flow's token endpoint is quarkus-oidc's business.)
 */
@ApplicationScoped
public class CognitoHttp {

    /** An answer as received: its status, headers and body. */
    public record Answer(int status, MultiMap headers, Buffer body) {
    }

    /** The answer was larger than the caller allows. */
    public static final class AnswerTooLarge extends RuntimeException {
        AnswerTooLarge(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes", null, false, false);
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    CognitoHttp(Vertx vertx, PortalConfig config) {
        this.timeout = config.upstreamTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(timeout.toMillis())));
    }

    public Uni<Answer> get(URI uri, int maxBytes) {
        return send(options(HttpMethod.GET, uri), maxBytes);
    }

    private RequestOptions options(HttpMethod method, URI uri) {
        return new RequestOptions().setMethod(method).setAbsoluteURI(uri.toString())
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                // Fails the exchange when no data moves for this long; the Uni's own timeout bounds the whole.
                .setIdleTimeout(timeout.toMillis());
    }

    private Uni<Answer> send(RequestOptions options, int maxBytes) {
        return Uni.createFrom().<Answer>completionStage(() -> client.request(options)
                        .compose(request -> request.send())
                        .compose(response -> collect(response, maxBytes))
                        .toCompletionStage())
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout));
    }

    private static Future<Answer> collect(HttpClientResponse response, int maxBytes) {
        Promise<Answer> answer = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > maxBytes) {
                answer.tryFail(new AnswerTooLarge(maxBytes));
                response.request().reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(answer::tryFail);
        response.endHandler(end -> answer.tryComplete(new Answer(response.statusCode(), response.headers(), body)));
        return answer.future();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
