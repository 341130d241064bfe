package io.parameterportal.local.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.local.userpool.LocalAccount;

/**
 * The local IAM roles of {@code portal.local.roles} and their identity-based policies, judged as IAM
 * judges an allow-only policy: an action is allowed when one of the role's resource patterns for it
 * matches the resource's ARN ({@code *} any characters, {@code ?} one); everything else is implicitly
 * denied, with IAM's own sentence.
 */
@ApplicationScoped
class LocalRoles {


    /** Role ARN to its allowed actions, each with its compiled resource patterns. */
    private final Map<String, Map<String, List<Pattern>>> policies = new HashMap<>();
    private final String authenticatedRole;

    LocalRoles(PortalConfig.Local local) {
        local.roles().forEach((name, role) -> policies.put(LocalAccount.roleArn(name), compile(role)));
        this.authenticatedRole = LocalAccount.roleArn(local.authenticatedRole());
    }

    /** The identity pool's authenticated role, for users whose token names none. */
    String authenticatedRole() {
        return authenticatedRole;
    }

    boolean exists(String roleArn) {
        return policies.containsKey(roleArn);
    }

    /** @throws AwsError {@code AccessDeniedException}, worded as IAM words it */
    void requireAllowed(String roleArn, String action, String resourceArn) {
        List<Pattern> resources = Optional.ofNullable(policies.get(roleArn)).map(policy -> policy.get(action)).orElse(List.of());
        if (resources.stream().noneMatch(pattern -> pattern.matcher(resourceArn).matches())) {
            throw new AwsError("AccessDeniedException", "User: " + sessionArn(roleArn) + " is not authorized to perform: "
                    + action + " on resource: " + resourceArn + " because no identity-based policy allows the " + action
                    + " action");
        }
    }

    /** The assumed-role session an identity pool's credentials act as. */
    private static String sessionArn(String roleArn) {
        return "arn:aws:sts::" + LocalAccount.ID + ":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1)
                + "/CognitoIdentityCredentials";
    }

    private static Map<String, List<Pattern>> compile(PortalConfig.Local.Role role) {
        Map<String, List<Pattern>> compiled = new HashMap<>();
        role.allow().forEach((action, resources) -> compiled.put(action, resources.stream().map(LocalRoles::wildcard).toList()));
        return compiled;
    }

    /** IAM's resource wildcards: {@code *} matches any run of characters (slashes and colons too), {@code ?} one. */
    private static Pattern wildcard(String resource) {
        StringBuilder regex = new StringBuilder();
        for (String part : resource.strip().split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }
}
