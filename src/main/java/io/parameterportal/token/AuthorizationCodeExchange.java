package io.parameterportal.token;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parameterportal.aws.CognitoHttp;
import io.parameterportal.aws.UpstreamFailures;
import io.parameterportal.config.PortalSettings;
import io.smallrye.mutiny.Uni;

/**
 * Redeems an authorization code of the hosted UI (code grant with PKCE, RFC 7636) at the user pool's token
 * endpoint for the user's id token, which the caller then verifies like any other. The app client is public:
 * the form carries {@code client_id} and the browser's {@code code_verifier}, no secret. The call is
 * non-blocking and bounded by {@code portal.upstream-timeout} ({@link CognitoHttp}); neither the code, the
 * verifier nor the answer is logged or attached to a failure.
 *
 * <p>A code is redeemed at most once by this service: concurrent requests with the same code (a page that
 * posts twice) share the one exchange's result — but only those that also bring the same verifier and
 * redirect URI; any other is refused at once, so that someone who merely saw the code cannot ride on the
 * rightful exchange. The in-flight exchanges are keyed by a SHA-256 of the code (the code itself is not kept),
 * removed when the exchange ends, and at most {@link #MAX_IN_FLIGHT}; beyond that an exchange runs unshared
 * (the token endpoint still spends each code once). A later replay goes to the token endpoint, which refuses it.
 */
@ApplicationScoped
public class AuthorizationCodeExchange {

    /** Cognito's answer is three tokens of a few KB each; anything near this is not a token answer. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** Each entry lives at most {@code portal.upstream-timeout}: far beyond what Cognito's code quota allows per second. */
    static final int MAX_IN_FLIGHT = 10_000;

    /** An exchange in flight: who may share it (digest of verifier and redirect URI) and its outcome. */
    private record Exchange(byte[] proof, CompletableFuture<String> idToken) {
    }

    private final CognitoHttp http;
    private final PortalSettings settings;
    private final ObjectMapper json;
    private final Map<String, Exchange> inFlight = new ConcurrentHashMap<>();

    AuthorizationCodeExchange(CognitoHttp http, PortalSettings settings, ObjectMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    /**
     * The id token the token endpoint issues for {@code code}. Fails with {@link InvalidTokenException}
     * ({@link TokenRejection#CODE_REJECTED}) when the endpoint refuses the code, and with
     * {@link io.parameterportal.aws.UpstreamFailure} when it fails (502), throttles (503) or is too slow (504).
     *
     * @param redirectUri the {@code redirect_uri} the sign-in was started with: the app's {@code /signin}
     */
    public Uni<String> idTokenFor(String code, String codeVerifier, URI redirectUri) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                return redeem(code, codeVerifier, redirectUri);
            }
            String key = VerifiedTokens.digestOf(code);
            Exchange mine = new Exchange(sha256(codeVerifier + " " + redirectUri), new CompletableFuture<>());
            Exchange running = inFlight.putIfAbsent(key, mine);
            if (running != null) {
                return join(running, mine.proof());
            }
            mine.idToken().whenComplete((idToken, failure) -> inFlight.remove(key, mine));
            redeem(code, codeVerifier, redirectUri).subscribe().with(mine.idToken()::complete, mine.idToken()::completeExceptionally);
            return shared(mine);
        });
    }

    private static Uni<String> join(Exchange running, byte[] proof) {
        if (!MessageDigest.isEqual(running.proof(), proof)) {
            return Uni.createFrom().failure(new InvalidTokenException(TokenRejection.CODE_REJECTED,
                    "This sign-in code is already being redeemed for another sign-in; sign in again."));
        }
        return shared(running);
    }

    /** A copy per caller: one caller giving up (cancelling) must not cancel the exchange the others wait for. */
    private static Uni<String> shared(Exchange exchange) {
        return Uni.createFrom().completionStage(exchange.idToken().copy());
    }

    private Uni<String> redeem(String code, String codeVerifier, URI redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", settings.clientId());
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        return http.postForm(settings.tokenEndpoint(), formEncoded(form), MAX_ANSWER_BYTES)
                .onFailure().transform(AuthorizationCodeExchange::unreachable)
                .map(this::idTokenOf);
    }

    private String idTokenOf(CognitoHttp.Answer answer) {
        int status = answer.status();
        if (status == 200) {
            JsonNode idToken = parse(answer).path("id_token");
            if (!idToken.isTextual() || idToken.asText().isEmpty()) {
                throw UpstreamFailures.tokenEndpointFailed("answered 200 without an id token (is openid among the app client's scopes?)");
            }
            return idToken.asText();
        }
        if (status == 429) {
            throw UpstreamFailures.tokenEndpointThrottled(retryAfterSeconds(answer));
        }
        if (status == 400 || status == 401) {
            String error = parse(answer).path("error").asText("");
            if (error.equals("invalid_grant") || error.equals("invalid_request")) {
                // The code (with this verifier, client and redirect URI) cannot be redeemed: only a new sign-in helps.
                throw new InvalidTokenException(TokenRejection.CODE_REJECTED,
                        "The sign-in code was refused: it was used already, has expired, or belongs to another sign-in. Sign in again.");
            }
            // invalid_client, unauthorized_client, unsupported_grant_type: the app client is not set up for this grant.
            throw UpstreamFailures.tokenEndpointFailed("refused the exchange with " + errorCode(error) + " (HTTP " + status
                    + "); does the app client allow the code grant (PORTAL_OAUTH_FLOW=code) and this redirect URI?");
        }
        throw UpstreamFailures.tokenEndpointFailed("answered HTTP " + status);
    }

    private JsonNode parse(CognitoHttp.Answer answer) {
        try {
            return json.readTree(answer.body().getBytes());
        } catch (IOException e) {
            throw UpstreamFailures.tokenEndpointFailed("answered HTTP " + answer.status() + " with a body that is not JSON");
        }
    }

    /** Only the library exception's class is named: its message could quote what was sent. */
    private static Throwable unreachable(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return UpstreamFailures.tokenEndpointTimedOut();
        }
        if (failure instanceof CognitoHttp.AnswerTooLarge) {
            return UpstreamFailures.tokenEndpointFailed("answered with more than " + MAX_ANSWER_BYTES + " bytes");
        }
        return UpstreamFailures.tokenEndpointFailed("could not be reached (" + failure.getClass().getSimpleName() + ")");
    }

    private static int retryAfterSeconds(CognitoHttp.Answer answer) {
        String header = answer.headers().get("Retry-After");
        try {
            return header == null ? UpstreamFailures.RETRY_AFTER_SECONDS : Math.min(60, Integer.parseInt(header.trim()));
        } catch (NumberFormatException e) {
            return UpstreamFailures.RETRY_AFTER_SECONDS; // an HTTP date, or nonsense: the default pause
        }
    }

    /** OAuth error codes are short words of a fixed set; anything else is not repeated into a log line. */
    private static String errorCode(String error) {
        return error.matches("[a-z_]{1,40}") ? error : "an unnamed error";
    }

    private static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] sha256(String text) {
        return VerifiedTokens.digestOf(text).getBytes(StandardCharsets.US_ASCII);
    }
}
