package io.parameterportal.local.userpool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Ticker;

import org.jose4j.lang.HashUtil;

/**
 * The authorization codes the local hosted UI has issued and not yet seen redeemed. As on Cognito, a code is
 * good for five minutes and for one redemption, and is bound to what the sign-in named: app client, redirect
 * URI, PKCE challenge, nonce, scope — and the user who signed in. The first redemption attempt spends the code
 * whatever its outcome (a wrong verifier included), so a code cannot be guessed at. Time is the injected clock's;
 * at most {@link #MAX_CODES} codes are outstanding (the oldest are dropped beyond).
 */
@ApplicationScoped
class LocalAuthorizationCodes {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_CODES = 10_000;

    /** What a code stands for: a sign-in ({@code authentication}) and what it named. */
    record Grant(LocalUser user, Authentication authentication, String clientId, String redirectUri, String codeChallenge,
            String nonce, String scope) {

        /** RFC 7636, section 4.6: BASE64URL(SHA-256(ASCII(code_verifier))) equals the challenge (compared in constant time). */
        boolean provenBy(String codeVerifier) {
            if (codeVerifier == null || codeVerifier.isEmpty()) {
                return false;
            }
            return MessageDigest.isEqual(s256(codeVerifier).getBytes(StandardCharsets.US_ASCII),
                    codeChallenge.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final IssuedGrants<Grant> codes;

    LocalAuthorizationCodes(Ticker ticker) {
        this.codes = new IssuedGrants<>(ticker, MAX_CODES, LIFETIME);
    }

    /** A new code for this sign-in: random, like Cognito's (a UUID). */
    String issue(LocalUser user, Authentication authentication, SignInRequest request) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(user, authentication, request.clientId(), request.redirectUri(), request.codeChallenge(),
                request.nonce(), request.scope()));
        return code;
    }

    /** Spends the code: its grant when it was issued and has not expired; empty otherwise, and from now on. */
    Optional<Grant> redeem(String code) {
        return codes.take(code);
    }

    static String s256(String codeVerifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                HashUtil.getMessageDigest(HashUtil.SHA_256).digest(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
