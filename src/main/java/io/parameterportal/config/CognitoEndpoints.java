package io.parameterportal.config;

import java.net.URI;
import java.util.Optional;

/**
 * Where this service itself calls Cognito and SSM, resolved once. In local mode these are this process's own
 * stand-ins, on the port it listens on, which a test's random port makes known only once the server listens: the
 * bean is made at its first use, by then.
 *
 * @param aws replaces the AWS endpoints of cognito-idp, cognito-identity and ssm; empty means real AWS
 * @param jwks the pool's JWKS: under the issuer on AWS, at {@code <endpoint>/<pool>/.well-known/jwks.json} behind
 *        an emulator or in local mode
 * @param authorize the hosted UI's {@code oauth2/authorize}, where the code flow sends the browser
 * @param token the hosted UI's {@code oauth2/token}, where the service redeems codes and refresh tokens
 * @param revoke the hosted UI's {@code oauth2/revoke}, where a sign-out revokes the refresh token
 */
public record CognitoEndpoints(Optional<URI> aws, URI jwks, URI authorize, URI token, URI revoke) {

    static CognitoEndpoints of(CognitoPool pool, Optional<URI> aws, String hostedUi) {
        String jwks = aws.map(endpoint -> Origins.withoutTrailingSlash(endpoint) + "/" + pool.userPoolId()).orElse(pool.issuer())
                + "/.well-known/jwks.json";
        String oauth = Origins.withoutTrailingSlash(hostedUi) + "/oauth2/";
        return new CognitoEndpoints(aws, URI.create(jwks), URI.create(oauth + "authorize"), URI.create(oauth + "token"),
                URI.create(oauth + "revoke"));
    }
}
