package io.parameterportal.local.aws;

import java.net.URI;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** One AWS JSON protocol call as received: what a signature covers, and the body. */
record AwsRequest(String method, URI uri, MultiMap headers, Buffer body) {

    String header(String name) {
        return headers.get(name);
    }
}
