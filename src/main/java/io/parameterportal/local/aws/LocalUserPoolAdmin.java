package io.parameterportal.local.aws;

import java.util.Map;

import jakarta.inject.Singleton;

import io.parameterportal.config.CognitoPool;
import io.parameterportal.local.userpool.LocalUsers;
import io.smallrye.mutiny.Uni;

/**
 * The user pool's administrator calls of the Cognito Identity Provider API (JSON 1.1) that change who
 * may still use their tokens: {@code AdminUserGlobalSignOut}, {@code AdminDisableUser},
 * {@code AdminEnableUser}. On AWS they need an administrator's signed request; this stand-in has no
 * administrators and takes them unsigned, like the rest of local mode reachable only from this machine.
 */
@Singleton
record LocalUserPoolAdmin(CognitoPool pool, LocalUsers users, AwsJson json) implements AwsJsonService {

    record AdminUserRequest(String userPoolId, String username) {
    }

    @Override
    public String targetPrefix() {
        return "AWSCognitoIdentityProviderService";
    }

    @Override
    public Uni<?> call(String operation, AwsRequest request) {
        AdminUserRequest admin = json.read(request, AdminUserRequest.class);
        if (!pool.userPoolId().equals(admin.userPoolId())) {
            throw new AwsError("ResourceNotFoundException", "User pool " + admin.userPoolId() + " does not exist.");
        }
        boolean found = switch (operation) {
            case "AdminUserGlobalSignOut" -> users.signOutGlobally(admin.username());
            case "AdminDisableUser" -> users.setEnabled(admin.username(), false);
            case "AdminEnableUser" -> users.setEnabled(admin.username(), true);
            default -> throw AwsError.unknownOperation(targetPrefix() + "." + operation);
        };
        if (!found) {
            throw new AwsError("UserNotFoundException", "User does not exist.");
        }
        return Uni.createFrom().item(Map.of());
    }
}
