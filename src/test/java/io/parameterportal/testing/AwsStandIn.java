package io.parameterportal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the AWS endpoints the portal calls (user pool JWKS, Cognito Identity, SSM) whose answers a
 * test can turn into faults: AWS error types, 5xx, slowness, dropped connections, or no server at all. Counts
 * the calls it receives per operation ({@code GET /_calls} tells them too); {@code /_fault} sets faults over HTTP.
 * Used by the fault tests and, as a fast upstream, by the benchmark.
 *
 * <p>It is also the hosted UI of the code flow, as far as quarkus-oidc needs one, for one user who is always signed in
 * ({@link #SESSION_USER}): {@code GET /oauth2/authorize} redirects straight back to {@code redirect_uri} with a code
 * and the given state; {@code POST /oauth2/token} redeems that code once (client id, redirect URI and the PKCE S256
 * verifier checked) for an id token carrying the sign-in's nonce, an access token and an opaque refresh token, and
 * answers a {@code refresh_token} grant with new id and access tokens until {@code POST /oauth2/revoke} revokes it
 * (then {@code invalid_grant}, as Cognito). Counted as {@code Authorize}, {@code Token} and {@code Revoke}.
 */
public final class AwsStandIn {

    public static final String REGION = "us-east-1";
    public static final String POOL = REGION + "_Faults";
    public static final String CLIENT = "faultclient";
    public static final String IDENTITY_POOL = REGION + ":11111111-2222-4333-8444-555555555555";
    public static final String PARAMETER = "fa-012-authenticated";
    /** Counted beside the operations: every SSM call that asked for decryption ({@code "WithDecryption":true}). */
    public static final String DECRYPTING_CALLS = "Decrypting";
    /** The user the hosted UI signs in: its {@code sub}, and its {@code name} claim. */
    public static final String SESSION_USER = "session-user";
    public static final String SESSION_USER_NAME = "Session User";
    private static final Set<String> HOSTED_UI = Set.of("Authorize", "Token", "Revoke");
    private static final Pattern DECRYPTING = Pattern.compile("\"WithDecryption\"\\s*:\\s*true");
    /** A test issues a few; the benchmark, with the credential cache off, issues one pair per request. */
    private static final int MAX_REMEMBERED_SECRETS = 10_000;

    /** What an operation answers. {@code null} fields mean a normal answer. */
    public record Fault(int status, String awsType, long delayMillis, boolean dropConnection, String message) {
        public Fault(int status, String awsType, long delayMillis, boolean dropConnection) {
            this(status, awsType, delayMillis, dropConnection, null);
        }

        public static Fault error(int status, String awsType) {
            return new Fault(status, awsType, 0, false);
        }

        /** An AWS error with AWS's own message, e.g. SSM passing on KMS's refusal. */
        public static Fault error(int status, String awsType, String message) {
            return new Fault(status, awsType, 0, false, message);
        }

        public static Fault slow(long delayMillis) {
            return new Fault(200, null, delayMillis, false);
        }

        public static Fault dropped() {
            return new Fault(0, null, 0, true);
        }

        /**
         * Answers normally only once the test calls {@link #releaseHeld()} (or the stand-in stops): a stall whose
         * end the test chooses, so that it can assert what happened before it ended instead of timing it.
         */
        public static Fault held() {
            return new Fault(200, null, Long.MAX_VALUE, false);
        }
    }

    /** The operations the stand-in answers, the names {@link #fail} and {@code /_fault} accept. */
    public static final Set<String> OPERATIONS = Set.of("Jwks", "GetId", "GetCredentialsForIdentity", "GetParameter",
            "GetParametersByPath", "GetParameterHistory");

    static {
        // The JDK server writes headers and body apart; without TCP_NODELAY, Nagle's algorithm meets the
        // client's delayed ACK and every answer waits about 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private volatile RsaJsonWebKey key;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stalled = new ConcurrentHashMap<>();
    private final Set<String> onceOnly = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> pathSizes = new ConcurrentHashMap<>();
    private final Set<String> pathsWithSecureStrings = ConcurrentHashMap.newKeySet();
    /** The first secret keys and session tokens handed out, so that a test can look for them where they must not be. */
    private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    /** Codes issued and not yet redeemed; live refresh tokens. */
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private volatile String parameterType = "String";
    private volatile String parameterValue = "Authenticated";
    /** Counted down to end every stall in progress; replaced at once, so that later stalls stall again. */
    private volatile CountDownLatch released = new CountDownLatch(1);
    private int port;
    private HttpServer server;

    public AwsStandIn() throws JoseException {
        key = newKey("faults-key");
    }

    private static RsaJsonWebKey newKey(String keyId) throws JoseException {
        RsaJsonWebKey generated = RsaJwkGenerator.generateJwk(2048);
        generated.setKeyId(keyId);
        generated.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        return generated;
    }

    /** Retires the pool's key as Cognito may: from now on the JWKS publishes only a new one, which signs new tokens. */
    public void rotateKey() throws JoseException {
        key = newKey("faults-key-" + UUID.randomUUID());
    }

    public void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
        // A thread per request in progress: a stalled answer (Fault.slow) must not hold back the next
        // request, nor its count, however many stall at once (bench/jwks-attack.sh counts JWKS fetches).
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    public void stop() {
        releaseHeld();
        server.stop(0);
    }

    /** Ends every stall in progress ({@link Fault#held()}, {@link Fault#slow}); stalls that start later stall again. */
    public void releaseHeld() {
        CountDownLatch ending = released;
        released = new CountDownLatch(1);
        ending.countDown();
    }

    /** How many calls of {@code operation} are stalled right now. */
    public int stalled(String operation) {
        return stalled.computeIfAbsent(operation, o -> new AtomicInteger()).get();
    }

    /** Waits until {@code count} calls of {@code operation} are stalled: the event a test orders its checks by. */
    public void awaitStalled(String operation, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stalled(operation) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " " + operation + " calls were not stalled within 30 s; " + stalled(operation) + " are");
            }
            Thread.sleep(10);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public void fail(String operation, Fault fault) {
        faults.put(known(operation), fault);
    }

    /** The operation answers with {@code fault} for its next call only, then normally again. */
    public void failOnce(String operation, Fault fault) {
        faults.put(known(operation), fault);
        onceOnly.add(operation);
    }

    public void heal() {
        onceOnly.clear();
        faults.clear();
    }

    /** What GetParameter answers from now on, e.g. a {@code SecureString} with a value a test must not find in a log. */
    public void serveParameter(String type, String value) {
        parameterType = type;
        parameterValue = value;
    }

    public int calls(String operation) {
        return calls.computeIfAbsent(operation, o -> new AtomicInteger()).get();
    }

    public int totalAwsCalls() {
        return calls("GetId") + calls("GetCredentialsForIdentity") + calls("GetParameter") + calls("GetParametersByPath")
                + calls("GetParameterHistory");
    }

    /** The secret keys and session tokens GetCredentialsForIdentity has answered with so far (each call gets new ones). */
    public Set<String> issuedSecrets() {
        return Set.copyOf(issuedSecrets);
    }

    public String idToken(String subject, String name) throws JoseException {
        return sign(idClaims(subject, name));
    }

    /** The claims of a good id token of this pool and client, for a test to spoil. */
    public JwtClaims idClaims(String subject, String name) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://cognito-idp." + REGION + ".amazonaws.com/" + POOL);
        claims.setAudience(CLIENT);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setClaim("token_use", "id");
        claims.setClaim("cognito:username", subject);
        claims.setClaim("name", name);
        return claims;
    }

    /** Signs with the pool's key, as Cognito would. */
    public String sign(JwtClaims claims) throws JoseException {
        return signWith(claims, key, AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signs with any RSA key and algorithm, naming the key's {@code kid}: the raw material of forgeries. */
    public static String signWith(JwtClaims claims, RsaJsonWebKey signingKey, String algorithm) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    public RsaJsonWebKey poolKey() {
        return key;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String requestBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            String operation = operationOf(exchange);
            if (operation.equals("Calls")) {
                respond(exchange, 200, callsAsJson());
                return;
            }
            if (operation.equals("Control")) {
                try {
                    respond(exchange, 200, control(exchange.getRequestURI().getRawQuery()));
                } catch (IllegalArgumentException refused) {
                    // A fault that names no operation we answer, or injects nothing, would silently test nothing.
                    respond(exchange, 400, "{\"error\":\"" + refused.getMessage() + "\"}", "application/json");
                }
                return;
            }
            calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            if (DECRYPTING.matcher(requestBody).find()) {
                calls.computeIfAbsent(DECRYPTING_CALLS, o -> new AtomicInteger()).incrementAndGet();
            }
            Fault fault = onceOnly.remove(operation) ? faults.remove(operation) : faults.get(operation);
            if (fault != null && answerWithFault(exchange, operation, fault)) {
                return;
            }
            if (HOSTED_UI.contains(operation)) {
                answerAsHostedUi(exchange, operation, requestBody);
                return;
            }
            respond(exchange, 200, normalAnswer(operation, requestBody));
        }
    }

    /** What a sign-in asked for at {@code /oauth2/authorize}, checked when its code is redeemed. */
    private record Authorization(String redirectUri, String nonce, String codeChallenge) {
    }

    private void answerAsHostedUi(HttpExchange exchange, String operation, String requestBody) throws IOException {
        Map<String, String> form = formOf(operation.equals("Authorize") ? exchange.getRequestURI().getRawQuery() : requestBody);
        if (!CLIENT.equals(form.get("client_id"))) {
            respond(exchange, 400, "{\"error\":\"invalid_client\"}", "application/json");
            return;
        }
        switch (operation) {
            case "Authorize" -> authorize(exchange, form);
            case "Token" -> {
                String tokens = switch (String.valueOf(form.get("grant_type"))) {
                    case "authorization_code" -> redeem(form);
                    case "refresh_token" -> refreshTokens.contains(String.valueOf(form.get("refresh_token"))) ? tokens(null, null) : null;
                    default -> null;
                };
                if (tokens == null) {
                    respond(exchange, 400, "{\"error\":\"invalid_grant\"}", "application/json");
                } else {
                    respond(exchange, 200, tokens, "application/json");
                }
            }
            default -> { // Revoke: RFC 7009 answers 200 whether or not the token was known
                refreshTokens.remove(String.valueOf(form.get("token")));
                respond(exchange, 200, "", "application/json");
            }
        }
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || redirectUri == null || query.get("state") == null
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}", "application/json");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Authorization(redirectUri, query.get("nonce"), query.get("code_challenge")));
        exchange.getResponseHeaders().add("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
    }

    /** @return the token answer, or null when the code is unknown, used, or redeemed with another redirect URI or verifier */
    private String redeem(Map<String, String> form) {
        Authorization asked = codes.remove(String.valueOf(form.get("code")));
        String verifier = form.get("code_verifier");
        if (asked == null || verifier == null || !asked.redirectUri().equals(form.get("redirect_uri"))) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            if (!challenge.equals(asked.codeChallenge())) {
                return null;
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String refreshToken = "refresh-" + randomBase64(48).replace('+', '-').replace('/', '_');
        refreshTokens.add(refreshToken);
        return tokens(asked.nonce(), refreshToken);
    }

    /** Cognito's token answer: id and access token; a refresh token only for a code (a refresh grant keeps the old one). */
    private String tokens(String nonce, String refreshToken) {
        JwtClaims id = idClaims(SESSION_USER, SESSION_USER_NAME);
        if (nonce != null) {
            id.setClaim("nonce", nonce);
        }
        JwtClaims access = idClaims(SESSION_USER, SESSION_USER_NAME);
        access.setClaim("token_use", "access");
        access.setClaim("client_id", CLIENT);
        try {
            return "{\"id_token\":\"" + sign(id) + "\",\"access_token\":\"" + sign(access) + "\","
                    + (refreshToken == null ? "" : "\"refresh_token\":\"" + refreshToken + "\",")
                    + "\"token_type\":\"Bearer\",\"expires_in\":3600}";
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> formOf(String encoded) {
        Map<String, String> form = new HashMap<>();
        for (String pair : encoded == null || encoded.isEmpty() ? new String[0] : encoded.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            form.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** @return whether the fault answered the exchange itself */
    private boolean answerWithFault(HttpExchange exchange, String operation, Fault fault) throws IOException {
        if (fault.dropConnection()) {
            return true; // closing without a status line: the client sees the connection end
        }
        if (fault.delayMillis() > 0) {
            AtomicInteger stalledNow = stalled.computeIfAbsent(operation, o -> new AtomicInteger());
            stalledNow.incrementAndGet();
            try {
                released.await(fault.delayMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stalledNow.decrementAndGet();
            }
        }
        if (fault.awsType() == null) {
            return false;
        }
        if (fault.status() == 429) {
            exchange.getResponseHeaders().add("Retry-After", "2");
        }
        exchange.getResponseHeaders().add("x-amzn-ErrorType", fault.awsType());
        String message = fault.message() == null ? "injected " + fault.awsType() : fault.message();
        respond(exchange, fault.status(), "{\"__type\":\"" + fault.awsType() + "\",\"message\":\"" + message + "\"}");
        return true;
    }

    private static String operationOf(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null) {
            String path = exchange.getRequestURI().getPath();
            return switch (path) {
                case "/_calls" -> "Calls";
                case "/_fault" -> "Control";
                case "/oauth2/authorize" -> "Authorize";
                case "/oauth2/token" -> "Token";
                case "/oauth2/revoke" -> "Revoke";
                default -> path.endsWith("/jwks.json") ? "Jwks" : "Unknown";
            };
        }
        return target.substring(target.indexOf('.') + 1);
    }

    /**
     * {@code /_fault?operation=Jwks&status=503&type=ServiceUnavailable} (or {@code &delayMs=10000},
     * {@code &drop=true}) sets a fault, {@code /_fault?heal} clears them all: how a benchmark in another
     * process switches faults while the portal runs.
     */
    private String control(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        if (parameters.containsKey("heal")) {
            heal();
            return "{\"healed\":true}";
        }
        String operation = known(parameters.get("operation"));
        if (parameters.get("type") == null && parameters.get("delayMs") == null && !Boolean.parseBoolean(parameters.get("drop"))) {
            throw new IllegalArgumentException("a fault needs a type, a delayMs or drop=true");
        }
        Fault fault = new Fault(Integer.parseInt(parameters.getOrDefault("status", "200")), parameters.get("type"),
                Long.parseLong(parameters.getOrDefault("delayMs", "0")), Boolean.parseBoolean(parameters.get("drop")));
        fail(operation, fault);
        return "{\"" + operation + "\":\"" + fault + "\"}";
    }

    private static String known(String operation) {
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("no such operation: " + operation + "; the stand-in answers " + OPERATIONS);
        }
        return operation;
    }

    private String callsAsJson() {
        StringBuilder json = new StringBuilder("{");
        calls.forEach((operation, count) -> json.append(json.length() > 1 ? "," : "")
                .append('"').append(operation).append("\":").append(count.get()));
        return json.append('}').toString();
    }

    /** GetParametersByPath of {@code path} finds {@code count} String parameters, {@code <path>/p01} on. */
    public void pathHolds(String path, int count) {
        pathSizes.put(path, count);
    }

    /** As {@link #pathHolds}, every even-numbered parameter a SecureString (ciphertext unless decryption is asked for). */
    public void pathHoldsSecureStrings(String path, int count) {
        pathHolds(path, count);
        pathsWithSecureStrings.add(path);
    }

    /** Pages of 10 as SSM answers them; the next token is the index of the next parameter. */
    private String parametersByPath(String request) {
        String path = member(request, "Path");
        String next = member(request, "NextToken");
        int count = pathSizes.getOrDefault(path, 0);
        int from = next == null ? 0 : Integer.parseInt(next);
        int to = Math.min(count, from + 10);
        boolean decrypted = DECRYPTING.matcher(request).find();
        StringBuilder page = new StringBuilder("{\"Parameters\":[");
        for (int i = from; i < to; i++) {
            boolean secure = pathsWithSecureStrings.contains(path) && (i + 1) % 2 == 0;
            String value = secure && !decrypted ? "AQICAHhCiphertextOfValue" + (i + 1) : "value " + (i + 1);
            page.append(i > from ? "," : "").append(String.format("{\"Name\":\"%s/p%02d\",\"Type\":\"%s\","
                    + "\"Value\":\"%s\",\"Version\":1,\"LastModifiedDate\":1764000000}", path, i + 1,
                    secure ? "SecureString" : "String", value));
        }
        page.append(']');
        if (to < count) {
            page.append(",\"NextToken\":\"").append(to).append('"');
        }
        return page.append('}').toString();
    }

    /**
     * Three versions of the parameter, oldest first, in two pages (the second after {@code NextToken} "2"), as
     * SSM lists them: versions 1 and 2 are Strings, version 3 is whatever {@link #serveParameter} serves.
     */
    private String parameterHistory(String request) {
        String version = "{\"Name\":\"" + PARAMETER + "\",\"Type\":\"%s\",\"Value\":\"%s\",\"Version\":%d,"
                + "\"LastModifiedDate\":%d,\"LastModifiedUser\":\"arn:aws:iam::111122223333:user/writer\",\"Labels\":[]}";
        if ("2".equals(member(request, "NextToken"))) {
            return "{\"Parameters\":[" + String.format(version, parameterType, parameterValue, 3, 1764000300) + "]}";
        }
        return "{\"Parameters\":[" + String.format(version, "String", "first", 1, 1764000100) + ","
                + String.format(version, "String", "second", 2, 1764000200) + "],\"NextToken\":\"2\"}";
    }

    private static String member(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return value.find() ? value.group(1) : null;
    }

    private String normalAnswer(String operation, String request) {
        long expiry = Instant.now().plusSeconds(3600).getEpochSecond();
        return switch (operation) {
            case "Jwks" -> new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            case "GetId" -> "{\"IdentityId\":\"" + REGION + ":aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\"}";
            case "GetCredentialsForIdentity" -> {
                // Random and as long as AWS's, as real credentials are: a test can then tell them in a log line.
                String secretKey = randomBase64(30);
                String sessionToken = randomBase64(96);
                if (issuedSecrets.size() < MAX_REMEMBERED_SECRETS) {
                    issuedSecrets.add(secretKey);
                    issuedSecrets.add(sessionToken);
                }
                yield "{\"IdentityId\":\"" + REGION + ":aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\","
                        + "\"Credentials\":{\"AccessKeyId\":\"ASIAFAULTS\",\"SecretKey\":\"" + secretKey + "\","
                        + "\"SessionToken\":\"" + sessionToken + "\",\"Expiration\":" + expiry + "}}";
            }
            case "GetParameter" -> "{\"Parameter\":{\"Name\":\"" + PARAMETER + "\",\"Type\":\"" + parameterType + "\","
                    + "\"Value\":\"" + parameterValue + "\",\"Version\":1}}";
            case "GetParametersByPath" -> parametersByPath(request);
            case "GetParameterHistory" -> parameterHistory(request);
            default -> "{}";
        };
    }

    private String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, body, "application/x-amz-json-1.1");
    }

    private static void respond(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
