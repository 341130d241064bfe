package io.parameterportal.local.aws;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.parameterportal.config.CognitoPool;
import io.parameterportal.local.userpool.LocalUsers;
import io.parameterportal.token.IdTokenVerifier;
import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;

/**
 * The local stand-in of a Cognito identity pool without unauthenticated identities: GetId and
 * GetCredentialsForIdentity for users of the local user pool, whose id token is the only credential.
 * The token is checked by the app's own {@link IdTokenVerifier}, so the same rules apply as in aws mode;
 * then, as Cognito's server-side token check does, the user pool is asked whether the user still
 * holds it: a disabled, deleted or globally signed-out user's token is refused.
 */
@Singleton
record LocalIdentityPool(CognitoPool pool, IdTokenVerifier verifier, CredentialStore credentials, LocalUsers users,
        LocalRoles roles, AwsJson json) implements AwsJsonService {

    record GetIdRequest(String identityPoolId, Map<String, String> logins) {
    }

    record GetIdResponse(String identityId) {
    }

    record GetCredentialsRequest(String identityId, Map<String, String> logins, String customRoleArn) {
    }

    record GetCredentialsResponse(String identityId, Credentials credentials) {
    }

    /** @param expiration epoch seconds, as the JSON protocol writes timestamps */
    record Credentials(String accessKeyId, String secretKey, String sessionToken, long expiration) {
    }

    @Override
    public String targetPrefix() {
        return "AWSCognitoIdentityService";
    }

    @Override
    public Uni<?> call(String operation, AwsRequest request) {
        return switch (operation) {
            case "GetId" -> getId(json.read(request, GetIdRequest.class));
            case "GetCredentialsForIdentity" -> getCredentials(json.read(request, GetCredentialsRequest.class));
            default -> throw AwsError.unknownOperation(targetPrefix() + "." + operation);
        };
    }

    private Uni<GetIdResponse> getId(GetIdRequest request) {
        if (!pool.identityPoolId().equals(request.identityPoolId())) {
            throw new AwsError("ResourceNotFoundException", "IdentityPool '" + request.identityPoolId() + "' not found.");
        }
        return verifiedLogin(request.logins()).map(user -> new GetIdResponse(identityIdOf(user)));
    }

    private Uni<GetCredentialsResponse> getCredentials(GetCredentialsRequest request) {
        return verifiedLogin(request.logins()).map(user -> {
            if (!identityIdOf(user).equals(request.identityId())) {
                throw notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
            }
            IssuedCredentials issued = credentials.issue(request.identityId(), roleFor(user, request.customRoleArn()));
            return new GetCredentialsResponse(issued.identityId(), new Credentials(issued.accessKeyId(), issued.secretKey(),
                    issued.sessionToken(), issued.expiresAt().getEpochSecond()));
        });
    }

    /**
     * The role mapping of the deployed identity pool ({@code Type: Token}, {@code AmbiguousRoleResolution: Deny}):
     * a custom role only if the token lists it; else the token's preferred role, or its only role; a token
     * naming no role (a user in no group) gets the pool's authenticated role; several roles and no
     * preferred one are ambiguous, and denied.
     */
    private String roleFor(VerifiedIdToken user, String customRoleArn) {
        String role;
        if (customRoleArn != null && !customRoleArn.isEmpty()) {
            if (!user.roles().contains(customRoleArn)) {
                throw notAuthorized("Invalid CustomRoleArn: " + customRoleArn + " is not among the roles of the login token.");
            }
            role = customRoleArn;
        } else if (user.preferredRole().isPresent()) {
            role = user.preferredRole().get();
        } else if (user.roles().size() == 1) {
            role = user.roles().get(0);
        } else if (user.roles().isEmpty()) {
            role = roles.authenticatedRole();
        } else {
            throw notAuthorized("The ambiguous role mapping rules for: " + pool.providerName() + " denied this request.");
        }
        if (!roles.exists(role)) {
            throw new AwsError("InvalidIdentityPoolConfigurationException",
                    "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
        }
        return role;
    }

    /** The one login this pool accepts: an id token of the local user pool and its app client. */
    private Uni<VerifiedIdToken> verifiedLogin(Map<String, String> logins) {
        if (logins == null || logins.isEmpty()) {
            throw notAuthorized("Unauthenticated access is not supported for this identity pool.");
        }
        String token = logins.get(pool.providerName());
        if (token == null || logins.size() != 1) {
            throw notAuthorized("Invalid login token. The only provider of this identity pool is " + pool.providerName() + ".");
        }
        return verifier.verify(token)
                .onFailure(InvalidTokenException.class).transform(e -> notAuthorized("Invalid login token. " + e.getMessage()))
                .invoke(user -> users.refusal(user.subject(), user.issuedAt()).ifPresent(reason -> {
                    throw notAuthorized("Invalid login token. " + reason);
                }));
    }

    /** Stable per user, as Cognito keeps one identity per user and pool. */
    private String identityIdOf(VerifiedIdToken user) {
        String seed = pool.identityPoolId() + "/" + user.subject();
        return pool.region() + ":" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static AwsError notAuthorized(String message) {
        return new AwsError("NotAuthorizedException", message);
    }
}
