package io.parameterportal.identity;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.parameterportal.aws.AwsClientDefaults;
import io.parameterportal.config.PortalConfig;
import io.vertx.core.Vertx;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient;

/**
 * The identity-pool client. No Quarkus extension covers Cognito Identity, so it is built here, once
 * per process, on Vert.x's own event loop (a private Netty loop would cost threads and a slow shutdown).
 * GetId and GetCredentialsForIdentity are unsigned by design: the user's token is the only credential.
 */
class CognitoIdentityClientProducer {

    @Produces
    @Singleton
    CognitoIdentityAsyncClient cognitoIdentity(AwsClientDefaults defaults, PortalConfig config, Vertx vertx) {
        return defaults.applyTo(CognitoIdentityAsyncClient.builder())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroup(SdkEventLoopGroup.create(vertx.nettyEventLoopGroup()))
                        // Waiting for a pooled connection is part of the call the upstream timeout bounds
                        // (the SSM client is set alike in application.properties).
                        .connectionAcquisitionTimeout(config.upstreamTimeout()))
                .build();
    }

    void close(@Disposes CognitoIdentityAsyncClient client) {
        client.close();
    }
}
