package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.Pkce;
import io.parameterportal.testing.SessionRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * No token, nor its signature part, reaches a log line at any level, whatever the request's fate; nor, in the
 * code flow, a code or a verifier.
 */
@QuarkusTest
@TestProfile(FaultsProfile.class)
class LogHygieneTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringWriter line = new StringWriter().append(formatter.formatMessage(record));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(line));
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEverything() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
        aws.heal();
    }

    @Test
    void tokensNeverReachTheLogs() throws Exception {
        String good = aws.idToken(UUID.randomUUID().toString(), "Careful");
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        List<String> tokens = List.of(good, tampered, parts[0] + "." + parts[1], "garbage." + parts[2] + ".x");

        for (String token : tokens) {
            post(token);
        }
        for (String operation : List.of("GetId", "GetParameter")) {
            for (Fault fault : List.of(Fault.error(400, "AccessDeniedException"), Fault.error(500, "InternalServerError"),
                    Fault.dropped(), Fault.error(400, "NotAuthorizedException"))) {
                aws.fail(operation, fault);
                post(aws.idToken(UUID.randomUUID().toString(), "Faulted"));
                aws.heal();
            }
        }

        assertThat(lines).as("the requests were logged at all").isNotEmpty();
        for (String token : tokens) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(lines).noneMatch(line -> line.contains(token))
                    .noneMatch(line -> signature.length() > 8 && line.contains(signature));
        }
    }

    @Test
    void codesVerifiersAndTheirTokensNeverReachTheLogs() throws Exception {
        List<String> secrets = new java.util.ArrayList<>();
        for (Fault fault : List.of(Fault.error(400, "invalid_grant"), Fault.error(500, "server_error"), Fault.dropped(),
                Fault.error(429, "slow_down"), Fault.error(400, "unauthorized_client"))) {
            aws.fail("Token", fault);
            secrets.addAll(postCode());
            aws.heal();
        }
        secrets.addAll(postCode());
        postCode(secrets.get(secrets.size() - 2), secrets.get(secrets.size() - 1)); // the replay, refused

        assertThat(lines).as("the requests were logged at all").isNotEmpty();
        for (String secret : secrets) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }

    /** Posts a fresh code with a fresh verifier; returns the id token the code buys, the code and the verifier. */
    private List<String> postCode() throws Exception {
        String idToken = aws.idToken(UUID.randomUUID().toString(), "Code Careful");
        String code = aws.issueCode(idToken);
        String verifier = Pkce.fresh().verifier();
        postCode(code, verifier);
        return List.of(idToken, idToken.substring(idToken.lastIndexOf('.') + 1), code, verifier);
    }

    private static void postCode(String code, String verifier) {
        SessionRequests.postCode(code, verifier);
    }

    private static void post(String token) {
        postSession(token);
    }
}
