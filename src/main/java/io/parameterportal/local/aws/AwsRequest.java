package io.parameterportal.local.aws;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * One AWS JSON protocol call as received: what a signature covers, and the body.
 *
 * @param path the path as it came on the request line, still percent-encoded (SigV4 signs that form)
 * @param query the query as it came on the request line, still percent-encoded; {@code null} when there is none
 */
record AwsRequest(String method, String path, String query, MultiMap headers, Buffer body) {

    String header(String name) {
        return headers.get(name);
    }
}
