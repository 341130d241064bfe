package io.parameterportal.local.aws;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalSettings;

/**
 * The identity pool's authenticated role, which every local identity assumes: allowed actions on
 * allowed parameters (by default, as in the tutorial, only {@code ssm:GetParameter} on the configured
 * parameter), everything else implicitly denied.
 */
@ApplicationScoped
class RolePolicy {

    static final String ACCOUNT_ID = "000000000000";
    private static final String ROLE_SESSION_ARN =
            "arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/LocalDemoAuthenticatedRole/CognitoIdentityCredentials";

    private final Set<String> actions;
    private final Set<String> parameters;

    RolePolicy(PortalSettings settings) {
        this.actions = Set.copyOf(settings.local().allowedActions());
        this.parameters = Set.copyOf(settings.local().allowedParameters().orElse(List.of(settings.parameterName())));
    }

    /** @throws AwsError {@code AccessDeniedException}, worded as IAM words it */
    void requireAllowed(String action, String parameter, String resourceArn) {
        if (!actions.contains(action) || !parameters.contains(parameter)) {
            throw new AwsError("AccessDeniedException", "User: " + ROLE_SESSION_ARN + " is not authorized to perform: " + action
                    + " on resource: " + resourceArn + " because no identity-based policy allows the " + action + " action");
        }
    }
}
