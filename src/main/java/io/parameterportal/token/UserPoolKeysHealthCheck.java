package io.parameterportal.token;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the user pool's signing keys are cached or can be fetched: without them no sign-in works. */
@Readiness
@ApplicationScoped
class UserPoolKeysHealthCheck implements HealthCheck {

    private final UserPoolKeys keys;

    UserPoolKeysHealthCheck(UserPoolKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("user-pool-keys").status(keys.available()).build();
    }
}
