package io.parameterportal.token;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Ready only while the user pool's signing keys are held or arrive now: without them no sign-in
 * works. Asks the JWKS only as {@link SigningKeys} allows (one attempt per refetch interval), so a
 * probe never adds load to a failing JWKS, and never blocks.
 */
@Readiness
@ApplicationScoped
class SigningKeysHealthCheck implements AsyncHealthCheck {

    private static final String NAME = "user-pool-keys";

    private final SigningKeys keys;

    SigningKeysHealthCheck(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (keys.held().isPresent()) {
            return Uni.createFrom().item(HealthCheckResponse.up(NAME));
        }
        return keys.awaitFirstKeys()
                .map(fetch -> fetch.map(fetched -> HealthCheckResponse.up(NAME))
                        .onFailure().recoverWithItem(HealthCheckResponse.down(NAME)))
                .orElseGet(() -> Uni.createFrom().item(HealthCheckResponse.down(NAME)));
    }
}
