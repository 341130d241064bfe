package io.parameterportal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parameterportal.aws.CognitoHttp;
import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.TestClock;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * The key source against a fake JWKS and the test clock, as aws-jwt-verify tests its JWKS cache: callers
 * without keys share one fetch; a hundred concurrent unknown kids cost one fetch; after a failure no fetch
 * is tried again within the refetch interval (the penalty box) and the held keys stay in use; a rotation
 * is picked up by the first fetch of the next interval; old keys are refreshed in the background.
 */
class SigningKeysTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration NEXT_INTERVAL = INTERVAL.plusSeconds(1);
    private static final int CALLERS = 100;
    private static final URI JWKS_URI = URI.create("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test/.well-known/jwks.json");

    private static RsaJsonWebKey keyA;
    private static RsaJsonWebKey keyB;

    private final FakeJwks jwks = new FakeJwks();
    private final SigningKeys keys = new SigningKeys(jwks, () -> JWKS_URI, INTERVAL, TestClock.get());

    @BeforeAll
    static void generateKeys() throws JoseException {
        keyA = rsaKey("key-a");
        keyB = rsaKey("key-b");
    }

    @AfterEach
    void realTime() {
        TestClock.get().reset();
    }

    @Test
    void noKeysAreHeldAndNoneFetchedUntilACallerAsks() {
        assertThat(keys.held()).isEmpty();
        assertThat(jwks.calls()).isZero();
    }

    @Test
    void aHundredCallersWithoutKeysShareOneFetch() throws Exception {
        CompletableFuture<CognitoHttp.Answer> answer = jwks.answerLater();

        List<Optional<Uni<SigningKeys.KeySet>>> waits = concurrently(keys::awaitFirstKeys);
        assertThat(jwks.calls()).as("JWKS fetches").isEqualTo(1);
        assertThat(waits).as("callers that joined the fetch").allMatch(Optional::isPresent);

        answer.complete(jwksOf(keyA));
        SigningKeys.KeySet first = await(waits.get(0).get());
        assertThat(waits).allSatisfy(wait -> assertThat(await(wait.get())).isSameAs(first));
        assertThat(keys.held()).containsSame(first);
        assertThat(resolves(first, keyA)).isTrue();
    }

    @Test
    void theJwksIsAskedAtItsAddressForAnAnswerOfAtMost64Kilobytes() {
        jwks.answer(jwksOf(keyA));
        await(keys.awaitFirstKeys().orElseThrow());

        assertThat(jwks.asked()).containsExactly(JWKS_URI);
        assertThat(jwks.largestAnswerAllowed()).as("bytes a JWKS answer may have").isPositive().isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void aCallerWithoutKeysJoinsTheFetchAnotherCallerStartedWhileItLooked() throws Exception {
        CompletableFuture<CognitoHttp.Answer> answer = jwks.answerLater();
        AnotherCallerMeanwhile clock = new AnotherCallerMeanwhile();
        SigningKeys racing = new SigningKeys(jwks, () -> JWKS_URI, INTERVAL, clock);

        Optional<Uni<SigningKeys.KeySet>> mine = clock.awaitFirstKeysOn(racing);
        assertThat(jwks.calls()).as("JWKS fetches: the other caller's").isEqualTo(1);
        assertThat(mine).as("the first caller, told of a fetch in flight rather than of none to be had").isPresent();

        answer.complete(jwksOf(keyA));
        assertThat(resolves(await(mine.get()), keyA)).isTrue();
    }

    @Test
    void aCallerWithoutKeysGetsTheKeysAFetchBroughtWhileItLooked() throws Exception {
        jwks.answer(jwksOf(keyA));
        AnotherCallerMeanwhile clock = new AnotherCallerMeanwhile();
        SigningKeys racing = new SigningKeys(jwks, () -> JWKS_URI, INTERVAL, clock);

        Optional<Uni<SigningKeys.KeySet>> mine = clock.awaitFirstKeysOn(racing);
        assertThat(jwks.calls()).as("JWKS fetches: the other caller's, already answered").isEqualTo(1);
        assertThat(mine).as("the first caller, given the keys now held rather than told of none").isPresent();
        assertThat(await(mine.get())).isSameAs(racing.held().orElseThrow());
    }

    @Test
    void aFailedFetchIsLoggedInOurOwnWordsNeverThePeers() throws Exception {
        try (CapturedLogs logs = CapturedLogs.start()) {
            jwks.failWith(new IllegalStateException("peer wrote: eyJhbGciOiJSUzI1NiJ9"));
            assertThatThrownBy(() -> await(keys.awaitFirstKeys().orElseThrow())).isInstanceOf(SigningKeysUnavailableException.class);
            TestClock.get().advance(NEXT_INTERVAL);
            jwks.answer(jwksOf(keyA));
            await(keys.awaitFirstKeys().orElseThrow());
            TestClock.get().advance(NEXT_INTERVAL);
            jwks.answer(status(503));
            await(keys.refetch().orElseThrow());

            assertThat(warnings(logs)).satisfiesExactly(
                    noKeys -> assertThat(noKeys).contains("(IllegalStateException)").contains("no keys are held")
                            .doesNotContain("peer wrote").doesNotContain("eyJ"),
                    keysHeld -> assertThat(keysHeld).contains("answered 503").contains("the keys held stay in use"));
        }
    }

    @Test
    void aHundredConcurrentUnknownKidsCostOneFetch() throws Exception {
        SigningKeys.KeySet held = holdKeys(keyA);
        TestClock.get().advance(NEXT_INTERVAL);
        CompletableFuture<CognitoHttp.Answer> answer = jwks.answerLater();

        List<Optional<Uni<SigningKeys.KeySet>>> refetches = concurrently(keys::refetch);
        assertThat(refetches.stream().filter(Optional::isPresent)).as("callers that started a fetch").hasSize(1);
        assertThat(jwks.calls()).as("JWKS fetches, the first included").isEqualTo(2);

        answer.complete(jwksOf(keyA));
        assertThat(await(refetches.stream().flatMap(Optional::stream).findFirst().orElseThrow())).isSameAs(held);
    }

    @Test
    void aFailedFetchKeepsTheHeldKeysAndNoFetchIsTriedAgainWithinTheInterval() throws Exception {
        SigningKeys.KeySet held = holdKeys(keyA);
        TestClock.get().advance(NEXT_INTERVAL);
        jwks.answer(status(503));

        assertThat(await(keys.refetch().orElseThrow())).as("the keys after a failed fetch").isSameAs(held);
        assertThat(keys.refetch()).as("a refetch within the interval after a failure").isEmpty();
        assertThat(await(keys.awaitFirstKeys().orElseThrow())).as("a caller that found no keys, given those held").isSameAs(held);
        assertThat(jwks.calls()).isEqualTo(2);

        TestClock.get().advance(NEXT_INTERVAL);
        jwks.failWith(new TimeoutException("no answer"));
        assertThat(await(keys.refetch().orElseThrow())).as("the keys after a fetch that timed out").isSameAs(held);
        assertThat(keys.held()).containsSame(held);
        assertThat(jwks.calls()).isEqualTo(3);
    }

    @Test
    void withoutKeysAFailedFetchFailsItsCallersAndTheNextWaitsForTheInterval() throws Exception {
        jwks.answer(status(503));
        assertThatThrownBy(() -> await(keys.awaitFirstKeys().orElseThrow())).isInstanceOf(SigningKeysUnavailableException.class);
        assertThat(keys.awaitFirstKeys()).as("within the interval after the failure").isEmpty();
        assertThat(keys.refetch()).isEmpty();
        assertThat(keys.held()).isEmpty();
        assertThat(jwks.calls()).isEqualTo(1);

        TestClock.get().advance(NEXT_INTERVAL);
        jwks.failWith(new TimeoutException("no answer"));
        assertThatThrownBy(() -> await(keys.awaitFirstKeys().orElseThrow())).isInstanceOf(SigningKeysUnavailableException.class);

        TestClock.get().advance(NEXT_INTERVAL);
        jwks.answer(jwksOf(keyA));
        assertThat(resolves(await(keys.awaitFirstKeys().orElseThrow()), keyA)).isTrue();
        assertThat(jwks.calls()).isEqualTo(3);
    }

    @Test
    void aRotatedKeyIsFetchedByTheFirstUnknownKidOfTheNextInterval() throws Exception {
        SigningKeys.KeySet before = holdKeys(keyA);
        jwks.answer(jwksOf(keyB));
        assertThat(keys.refetch()).as("within the interval of the last fetch").isEmpty();

        TestClock.get().advance(NEXT_INTERVAL);
        SigningKeys.KeySet after = await(keys.refetch().orElseThrow());
        assertThat(after).isNotSameAs(before);
        assertThat(resolves(after, keyB)).isTrue();
        assertThat(resolves(after, keyA)).as("the retired key").isFalse();
        assertThat(keys.held()).containsSame(after);
    }

    @Test
    void oldKeysAreRefreshedInTheBackgroundWhileStillInUse() throws Exception {
        SigningKeys.KeySet old = holdKeys(keyA);
        TestClock.get().advance(SigningKeys.MAX_AGE.minusMinutes(1));
        assertThat(keys.held()).containsSame(old);
        assertThat(jwks.calls()).as("fetches while the keys are younger than an hour").isEqualTo(1);

        TestClock.get().advance(Duration.ofMinutes(2));
        CompletableFuture<CognitoHttp.Answer> answer = jwks.answerLater();
        assertThat(keys.held()).as("answered at once with the old keys").containsSame(old);
        assertThat(jwks.calls()).as("the background refresh").isEqualTo(2);
        assertThat(keys.held()).as("one refresh in flight at a time").containsSame(old);
        assertThat(jwks.calls()).isEqualTo(2);

        answer.complete(jwksOf(keyB));
        assertThat(resolves(keys.held().orElseThrow(), keyB)).isTrue();
    }

    @Test
    void aRefreshFindingTheSameKeysKeepsTheHeldSetAndRestartsItsAge() throws Exception {
        SigningKeys.KeySet held = holdKeys(keyA);
        TestClock.get().advance(Duration.ofMinutes(50));
        jwks.answer(jwksOf(keyA));
        assertThat(await(keys.refetch().orElseThrow())).isSameAs(held);

        TestClock.get().advance(Duration.ofMinutes(20));
        assertThat(keys.held()).containsSame(held);
        assertThat(jwks.calls()).as("no refresh: the keys were confirmed 20 minutes ago").isEqualTo(2);
    }

    @Test
    void whatIsNotAJwksWithAUsableKeyIsAFailedFetch() throws Exception {
        for (CognitoHttp.Answer notAJwks : List.of(json("not json"), json("{\"keys\":[]}"),
                json(new JsonWebKeySet(rsaKey(null)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)),
                json(new JsonWebKeySet(OctJwkGenerator.generateJwk(256)).toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC)))) {
            TestClock.get().advance(NEXT_INTERVAL);
            jwks.answer(notAJwks);
            assertThatThrownBy(() -> await(keys.awaitFirstKeys().orElseThrow())).isInstanceOf(SigningKeysUnavailableException.class);
        }
        assertThat(keys.held()).isEmpty();

        RsaJsonWebKey withoutKid = rsaKey(null);
        TestClock.get().advance(NEXT_INTERVAL);
        jwks.answer(json(new JsonWebKeySet(withoutKid, keyA).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        assertThat(resolves(await(keys.awaitFirstKeys().orElseThrow()), keyA)).as("the usable key of the set").isTrue();
    }

    @Test
    void aCallerGivingUpDoesNotCancelTheFetchOthersWaitFor() throws Exception {
        CompletableFuture<CognitoHttp.Answer> answer = jwks.answerLater();
        Uni<SigningKeys.KeySet> impatient = keys.awaitFirstKeys().orElseThrow();
        Uni<SigningKeys.KeySet> patient = keys.awaitFirstKeys().orElseThrow();

        impatient.subscribe().with(any -> { }).cancel();
        answer.complete(jwksOf(keyA));
        assertThat(resolves(await(patient), keyA)).isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The JWKS of the user pool as a test wants it answered, counting the fetches. */
    private static final class FakeJwks implements SigningKeys.JwksSource {
        private final AtomicInteger calls = new AtomicInteger();
        private final List<URI> asked = new CopyOnWriteArrayList<>();
        private final AtomicInteger largestAnswerAllowed = new AtomicInteger();
        private volatile Supplier<Uni<CognitoHttp.Answer>> next = () -> Uni.createFrom().failure(new AssertionError("no answer set"));

        @Override
        public Uni<CognitoHttp.Answer> fetch(URI jwksUri, int maxBytes) {
            calls.incrementAndGet();
            asked.add(jwksUri);
            largestAnswerAllowed.accumulateAndGet(maxBytes, Math::max);
            return next.get();
        }

        List<URI> asked() {
            return List.copyOf(asked);
        }

        int largestAnswerAllowed() {
            return largestAnswerAllowed.get();
        }

        void answer(CognitoHttp.Answer answer) {
            next = () -> Uni.createFrom().item(answer);
        }

        void failWith(Throwable failure) {
            next = () -> Uni.createFrom().failure(failure);
        }

        /** Every fetch from now on waits for the one answer the test completes. */
        CompletableFuture<CognitoHttp.Answer> answerLater() {
            CompletableFuture<CognitoHttp.Answer> answer = new CompletableFuture<>();
            next = () -> Uni.createFrom().completionStage(answer);
            return answer;
        }

        int calls() {
            return calls.get();
        }
    }

    /**
     * The test clock, except that the first reading made inside {@link #awaitFirstKeysOn} first lets another
     * caller without keys call {@code awaitFirstKeys} on the same key source, on its own thread, to its end:
     * two callers interleaved at the one point where the key source consults anything outside itself.
     */
    private static final class AnotherCallerMeanwhile extends Clock {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile Thread hooked;
        private volatile SigningKeys keys;

        Optional<Uni<SigningKeys.KeySet>> awaitFirstKeysOn(SigningKeys keys) {
            this.keys = keys;
            this.hooked = Thread.currentThread();
            Optional<Uni<SigningKeys.KeySet>> mine = keys.awaitFirstKeys();
            assertThat(fired).as("the other caller came while the first one was asking").isTrue();
            return mine;
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread() == hooked && fired.compareAndSet(false, true)) {
                ExecutorService other = Executors.newSingleThreadExecutor();
                try {
                    // Bounded only so that a key source holding its lock here fails the test instead of hanging it.
                    other.submit(() -> keys.awaitFirstKeys()).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the other caller could not act meanwhile", e);
                } finally {
                    other.shutdownNow();
                }
            }
            return TestClock.get().instant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static List<String> warnings(CapturedLogs logs) {
        return logs.warningsAndErrors().stream().filter(line -> line.contains(SigningKeys.class.getName())).toList();
    }

    private SigningKeys.KeySet holdKeys(RsaJsonWebKey key) {
        jwks.answer(jwksOf(key));
        SigningKeys.KeySet held = await(keys.awaitFirstKeys().orElseThrow());
        assertThat(keys.held()).containsSame(held);
        return held;
    }

    /** Calls {@code call} from {@link #CALLERS} threads released at once. */
    private static <T> List<T> concurrently(Supplier<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch ready = new CountDownLatch(CALLERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                results.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.get();
                }));
            }
            ready.await();
            go.countDown();
            List<T> all = new ArrayList<>();
            for (Future<T> result : results) {
                all.add(result.get());
            }
            return all;
        } finally {
            threads.shutdownNow();
        }
    }

    private static SigningKeys.KeySet await(Uni<SigningKeys.KeySet> keySet) {
        return keySet.await().atMost(Duration.ofSeconds(10));
    }

    private static boolean resolves(SigningKeys.KeySet keySet, RsaJsonWebKey key) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.getKeyId());
        try {
            return key.getPublicKey().equals(keySet.resolveKey(jws, List.of()));
        } catch (UnresolvableKeyException e) {
            return false;
        }
    }

    private static CognitoHttp.Answer jwksOf(RsaJsonWebKey key) {
        return json(new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private static CognitoHttp.Answer json(String body) {
        return new CognitoHttp.Answer(200, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
    }

    private static CognitoHttp.Answer status(int status) {
        return new CognitoHttp.Answer(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{\"message\":\"unavailable\"}"));
    }

    private static RsaJsonWebKey rsaKey(String kid) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        return key;
    }
}
