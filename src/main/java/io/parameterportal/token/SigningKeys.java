package io.parameterportal.token;

import java.net.URI;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import io.parameterportal.aws.CognitoHttp;
import io.parameterportal.config.CognitoEndpoints;
import io.parameterportal.config.PortalConfig;
import io.smallrye.mutiny.Uni;

/**
 * The user pool's signing keys, in the shape of aws-jwt-verify's key source: {@link #held()} answers
 * from memory at once, and {@link #refetch()} fetches the JWKS without blocking anyone — at most one
 * fetch in flight, and at most one fetch <em>attempt</em> per {@code portal.token.jwks-refetch-interval},
 * failed ones included (the penalty box). A flood of tokens naming unknown keys therefore costs the
 * pool's JWKS one request per interval, however the JWKS answers, and no caller waits behind a lock.
 * Keys once fetched are kept through JWKS outages; after {@link #MAX_AGE} they are refreshed in the
 * background while still in use.
 */
// Application-scoped (behind a client proxy), unlike the @Singleton beans of the request path: tests put it back to
// its state at start by destroying the instance (testing/SigningKeysReset).
@ApplicationScoped
public class SigningKeys {

    /** Cognito rotates keys rarely; an hour-old key set is refreshed in the background, still used meanwhile. */
    static final Duration MAX_AGE = Duration.ofHours(1);
    /** Cognito's JWKS holds two keys in about 1 KB; anything near this size is not a JWKS. */
    private static final int MAX_JWKS_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    /**
     * The keys of one JWKS answer. Two answers with the same key ids and key material are the same key
     * set, so a refresh that changes nothing keeps the verdicts reached with it.
     */
    public static final class KeySet implements VerificationKeyResolver {
        private final Map<String, Key> material;
        private final JwksVerificationKeyResolver resolver;
        private volatile Instant fetchedAt;

        KeySet(List<JsonWebKey> keys, Instant fetchedAt) {
            this.material = new HashMap<>();
            keys.forEach(key -> material.put(key.getKeyId(), key.getKey()));
            this.resolver = new JwksVerificationKeyResolver(keys);
            this.fetchedAt = fetchedAt;
        }

        void refreshedAt(Instant at) {
            fetchedAt = at;
        }

        boolean sameMaterialAs(KeySet other) {
            return other != null && material.equals(other.material);
        }

        @Override
        public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
            return resolver.resolveKey(jws, nestingContext);
        }
    }

    /** One fetch of the JWKS: the user pool's over HTTP ({@link CognitoHttp#get}), a fake in {@code SigningKeysTest}. */
    interface JwksSource {
        Uni<CognitoHttp.Answer> fetch(URI jwksUri, int maxBytes);
    }

    private final JwksSource jwks;
    /** Asked at each fetch: in local mode the JWKS is this process's own, on a port known only once it listens. */
    private final Supplier<URI> jwksUri;
    private final Clock clock;
    private final Duration refetchInterval;

    private volatile KeySet held;
    /** When the next fetch attempt may start: written under this, read without it on every verification. */
    private volatile Instant nextAttempt = Instant.MIN;
    // Guarded by this: the fetch in flight, if any.
    private CompletableFuture<KeySet> inFlight;

    @Inject
    SigningKeys(CognitoHttp http, CognitoEndpoints endpoints, PortalConfig.Token rules, Clock clock) {
        this(http::get, endpoints::jwks, rules.jwksRefetchInterval(), clock);
    }

    SigningKeys(JwksSource jwks, Supplier<URI> jwksUri, Duration refetchInterval, Clock clock) {
        this.jwks = jwks;
        this.jwksUri = jwksUri;
        this.clock = clock;
        this.refetchInterval = refetchInterval;
    }

    /** The keys in memory, without any I/O; starts a background refresh when they are old. */
    public Optional<KeySet> held() {
        KeySet keys = held;
        if (keys != null && clock.instant().isAfter(keys.fetchedAt.plus(MAX_AGE))) {
            startFetchIfDue();
        }
        return Optional.ofNullable(keys);
    }

    /**
     * A fetch of the JWKS when one may start now (none in flight, none attempted within the refetch
     * interval); empty otherwise — then the caller judges with the keys held. The result is the key
     * set held afterwards: the fetched one, or on failure the one held before; it fails with
     * {@link SigningKeysUnavailableException} only when no keys are held at all.
     */
    public Optional<Uni<KeySet>> refetch() {
        return startFetchIfDue().map(SigningKeys::asUni);
    }

    /**
     * For a caller that found no keys held (the first sign-ins, readiness): joins the fetch in flight, or
     * starts one when due, or — when a fetch ended since the caller looked — answers with the keys it
     * brought. Empty only when none of these: the JWKS failed within the refetch interval.
     */
    public Optional<Uni<KeySet>> awaitFirstKeys() {
        Instant now = clock.instant();
        // One decision under one lock: were the fetch in flight checked apart from the start of a new one,
        // a fetch begun (or ended) by another caller in between would leave this one without keys.
        synchronized (this) {
            if (inFlight != null) {
                return Optional.of(asUni(inFlight));
            }
            KeySet keys = held;
            if (keys != null) {
                return Optional.of(Uni.createFrom().item(keys));
            }
            return startFetchAt(now).map(SigningKeys::asUni);
        }
    }

    private Optional<CompletableFuture<KeySet>> startFetchIfDue() {
        // Without the lock first: once the held keys are old, every verification asks, and inside the
        // refetch interval (a JWKS outage included) the answer is no for all of them.
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return Optional.empty();
        }
        return startFetchAt(now);
    }

    private synchronized Optional<CompletableFuture<KeySet>> startFetchAt(Instant now) {
        if (inFlight != null || now.isBefore(nextAttempt)) {
            return Optional.empty();
        }
        nextAttempt = now.plus(refetchInterval);
        CompletableFuture<KeySet> fetch = jwks.fetch(jwksUri.get(), MAX_JWKS_BYTES)
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw new SigningKeysUnavailableException("The user pool's JWKS answered " + answer.status() + ".");
                    }
                    return parse(answer.body().toString());
                })
                .subscribeAsCompletionStage()
                .handle(this::settle);
        inFlight = fetch;
        fetch.whenComplete((keys, failure) -> {
            synchronized (this) {
                inFlight = null;
            }
        });
        return Optional.of(fetch);
    }

    /** Keeps a fetched key set (unless its material equals the one held); a failure leaves the held keys in place. */
    private KeySet settle(KeySet fetched, Throwable failure) {
        KeySet before = held;
        if (failure != null) {
            // Our own sentence, or just the kind of failure: nothing a peer wrote reaches the log. (Mutiny completes
            // the stage with the failure itself, never wrapped in a CompletionException.)
            String reason = failure instanceof SigningKeysUnavailableException ? failure.getMessage() : failure.getClass().getSimpleName();
            LOG.warnf("The user pool's JWKS could not be fetched (%s); %s", reason,
                    before == null ? "no keys are held, sign-ins wait for the next attempt" : "the keys held stay in use");
            if (before == null) {
                throw new SigningKeysUnavailableException("The user pool's signing keys could not be fetched.");
            }
            return before;
        }
        if (fetched.sameMaterialAs(before)) {
            // Same keys: keep the held instance (verdicts are tied to it), just restart its age.
            before.refreshedAt(fetched.fetchedAt);
            return before;
        }
        held = fetched;
        return fetched;
    }

    private KeySet parse(String json) {
        try {
            List<JsonWebKey> keys = new JsonWebKeySet(json).getJsonWebKeys().stream()
                    .filter(key -> key instanceof PublicJsonWebKey && key.getKeyId() != null)
                    .toList();
            if (keys.isEmpty()) {
                throw new SigningKeysUnavailableException("The user pool's JWKS holds no usable key.");
            }
            return new KeySet(keys, clock.instant());
        } catch (JoseException e) {
            throw new SigningKeysUnavailableException("The user pool's JWKS is not a JSON Web Key Set.");
        }
    }

    /** Each caller gets its own view: one caller giving up must not cancel the fetch the others wait for. */
    private static Uni<KeySet> asUni(CompletableFuture<KeySet> fetch) {
        return Uni.createFrom().completionStage(fetch::copy);
    }
}
