package io.parameterportal.local.aws;

import static io.parameterportal.testing.LocalAwsClients.IDENTITY_POOL;
import static io.parameterportal.testing.LocalAwsClients.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parameterportal.local.userpool.LocalAccount;
import io.parameterportal.testing.LocalSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The local stand-ins as a Python user meets them: botocore signs the SSM calls (its canonical
 * request differs from the Java SDK's: no {@code x-amz-content-sha256} header), and the stand-in
 * must check what botocore signed, not what the Java SDK would have signed. The script
 * {@value #SCRIPT} does the calls and prints one JSON line of outcomes.
 *
 * <p>Needs {@code python3} with boto3; without them this fails (under CI too), never skips.
 */
@QuarkusTest
class BotocoreSigV4Test {

    private static final String AUTHENTICATED_ROLE = LocalAccount.roleArn("PortalAuthenticatedRole");

    private static final String SCRIPT = "src/test/python/botocore_sigv4.py";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String INSTALL = "install Python 3 and boto3 (pip install boto3; moto[server], which CI installs, "
            + "brings it too)";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    CredentialStore store;

    @Test
    void botocoreSignaturesAreCheckedAsAwsChecksThem() throws Exception {
        JsonNode outcomes = scriptOutcomes();

        assertThat(outcomes.at("/allowed/value").asText()).as("allowed read: %s", outcomes).isEqualTo("Authenticated");
        assertThat(outcomes.at("/otherParameter/error").asText()).as("%s", outcomes).isEqualTo("AccessDeniedException");
        assertThat(outcomes.at("/wrongSecret/error").asText()).as("%s", outcomes).isEqualTo("InvalidSignatureException");
        assertThat(outcomes.at("/expired/error").asText()).as("%s", outcomes).isEqualTo("ExpiredTokenException");
        assertThat(outcomes.at("/trailingSlash/value").asText()).as("endpoint /local/: %s", outcomes).isEqualTo("Authenticated");
        assertThat(outcomes.at("/query/value").asText()).as("endpoint with a query: %s", outcomes).isEqualTo("Authenticated");
    }

    @Test
    void botocoreReadsHistoryPageByPageAndVersionsBySelector() throws Exception {
        JsonNode outcomes = scriptOutcomes();

        assertThat(outcomes.at("/history/pageSizes").toString()).as("%s", outcomes).isEqualTo("[2,1]");
        assertThat(outcomes.at("/history/versions").findValuesAsText("version")).containsExactly("1", "2", "3");
        assertThat(outcomes.at("/history/versions/2/labels").toString()).isEqualTo("[\"prod\"]");
        assertThat(outcomes.at("/history/versions/0/lastModifiedUser").asText()).isEqualTo("arn:aws:iam::000000000000:user/developer");
        assertThat(outcomes.at("/history/values").toString()).isEqualTo("[\"postgres://localhost:5432/app\","
                + "\"postgres://db.internal:5432/app_staging\",\"postgres://db.internal:5432/app\"]");
        assertThat(outcomes.at("/secureHistory/decrypted").toString()).isEqualTo("[\"demo-api-key-0000\",\"demo-api-key-1234\"]");
        assertThat(outcomes.at("/secureHistory/encryptedShown").asBoolean()).as("ciphertext, not the value, undecrypted").isFalse();
        assertThat(outcomes.at("/tooManyResults/error").asText()).isEqualTo("ValidationException");
        assertThat(outcomes.at("/historyDenied/error").asText()).isEqualTo("AccessDeniedException");
        assertThat(outcomes.at("/version1/value").asText()).isEqualTo("postgres://localhost:5432/app");
        assertThat(outcomes.at("/labelProd/value").asText()).isEqualTo("postgres://db.internal:5432/app");
        assertThat(outcomes.at("/secureVersion1/value").asText()).isEqualTo("demo-api-key-0000");
        assertThat(outcomes.at("/missingVersion/error").asText()).isEqualTo("ParameterVersionNotFound");
    }

    /** The script's outcomes, for the demo user (signatures) and the ops user (versions). */
    private JsonNode scriptOutcomes() throws IOException, InterruptedException {
        IssuedCredentials expired = store.issue("us-east-1:expired-for-botocore", AUTHENTICATED_ROLE, Instant.now().minusSeconds(60));
        Map<String, Object> input = Map.of(
                "app", "http://127.0.0.1:" + RestAssured.port,
                "idToken", LocalSignIn.demoIdToken(),
                "opsIdToken", LocalSignIn.idTokenOf("ops", "ops"),
                "identityPool", IDENTITY_POOL,
                "provider", PROVIDER,
                "expired", Map.of("accessKeyId", expired.accessKeyId(), "secretKey", expired.secretKey(),
                        "sessionToken", expired.sessionToken()));

        return runScript(json.writeValueAsBytes(input));
    }

    /** Runs the script with {@code input} on stdin; its stdout's last line, parsed. */
    private JsonNode runScript(byte[] input) throws IOException, InterruptedException {
        // Output goes to files, so that a hung script cannot block the test beyond the timeout.
        Path stdout = Files.createTempFile("botocore-sigv4", ".stdout");
        Path stderr = Files.createTempFile("botocore-sigv4", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder("python3", SCRIPT)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            // Only what the script is given: no profile, credentials or region of the machine it runs on.
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("AWS_"));
            env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return fail("python3 could not be started (" + e.getMessage() + "): " + INSTALL);
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return fail(SCRIPT + " did not finish within " + TIMEOUT + "; its stderr: " + Files.readString(stderr));
            }
            String output = Files.readString(stdout, StandardCharsets.UTF_8).strip();
            String lastLine = output.substring(output.lastIndexOf('\n') + 1);
            if (process.exitValue() == 3 && lastLine.contains("\"missing\"")) {
                return fail("Python module " + json.readTree(lastLine).path("missing").asText() + " is missing: " + INSTALL);
            }
            assertThat(process.exitValue()).as("%s failed; stdout: %s; stderr: %s", SCRIPT, output, Files.readString(stderr))
                    .isZero();
            return json.readTree(lastLine);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
