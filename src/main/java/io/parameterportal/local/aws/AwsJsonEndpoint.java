package io.parameterportal.local.aws;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.web.AbandonedRequests;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /local/}: the one address the SDK's Cognito Identity, Cognito Identity Provider (admin
 * calls) and SSM clients call in local mode. Picks the service by the {@code X-Amz-Target} prefix and answers as AWS does: 200 with the
 * operation's JSON, or an error status with {@code {"__type": …, "message": …}}.
 */
@ApplicationScoped
public class AwsJsonEndpoint {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Logger LOG = Logger.getLogger(AwsJsonEndpoint.class);

    /** The error body of the AWS JSON protocol. */
    record ErrorBody(@JsonProperty("__type") String type, @JsonProperty("message") String message) {
    }

    private final Map<String, AwsJsonService> services;
    private final AwsJson json;
    private final AbandonedRequests abandoned;

    AwsJsonEndpoint(LocalIdentityPool identityPool, LocalParameterStore parameterStore, LocalUserPoolAdmin userPoolAdmin,
            AwsJson json, AbandonedRequests abandoned) {
        this.services = Map.of(identityPool.targetPrefix(), identityPool, parameterStore.targetPrefix(), parameterStore,
                userPoolAdmin.targetPrefix(), userPoolAdmin);
        this.json = json;
        this.abandoned = abandoned;
    }

    public void handle(RoutingContext context) {
        HttpServerRequest http = context.request();
        Buffer body = context.body().buffer();
        AwsRequest request = new AwsRequest(http.method().name(), http.path(), http.query(), http.headers(),
                body == null ? Buffer.buffer() : body);
        String target = http.getHeader("X-Amz-Target");
        Uni.createFrom().deferred(() -> dispatch(target, request))
                .subscribe().with(
                        answer -> reply(context, 200, json.write(answer)),
                        failure -> replyError(context, target, failure));
    }

    private Uni<?> dispatch(String target, AwsRequest request) {
        int dot = target == null ? -1 : target.indexOf('.');
        AwsJsonService service = dot < 0 ? null : services.get(target.substring(0, dot));
        if (service == null) {
            throw AwsError.unknownOperation(target);
        }
        return service.call(target.substring(dot + 1), request);
    }

    private void replyError(RoutingContext context, String target, Throwable failure) {
        AwsError error;
        if (failure instanceof AwsError aws) {
            LOG.debugf("%s answered %s", target, aws.type());
            error = aws;
        } else {
            LOG.errorf(failure, "local stand-in failed on %s", target);
            error = new AwsError(500, "InternalFailure", "The local stand-in failed; see the service log.");
        }
        reply(context, error.status(), json.write(new ErrorBody(error.type(), error.getMessage())));
    }

    private void reply(RoutingContext context, int status, String body) {
        if (context.response().closed()) {
            // The caller gave up (an SDK call past its timeout, say): no one to answer.
            abandoned.count(PortalConfig.Local.PREFIX);
            return;
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .putHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .end(body);
    }
}
