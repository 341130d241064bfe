package io.parameterportal.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.local.userpool.LocalAccount;
import io.parameterportal.testing.LocalAwsClients;
import io.parameterportal.testing.LocalSignIn;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;

/**
 * The local SSM's versions, driven by the AWS SDK as any client would: GetParameterHistory (pages,
 * {@code MaxResults} 1–50, labels, writers, decryption under the same IAM and KMS rules) and
 * GetParameter's {@code name:version} and {@code name:label} selectors.
 */
@QuarkusTest
class LocalParameterVersionsTest {

    private static final String DB_URL = "/portal/ops/db-url";
    private static final String API_KEY = "/portal/ops/api-key";

    private SsmClient ops;
    private SsmClient demo;

    @BeforeEach
    void signIn() {
        try (CognitoIdentityClient identityPool = LocalAwsClients.identityPool()) {
            ops = LocalAwsClients.ssm(LocalAwsClients.credentialsOf(identityPool, LocalSignIn.idTokenOf("ops", "ops")));
            demo = LocalAwsClients.ssm(LocalAwsClients.demoCredentials(identityPool));
        }
    }

    @Test
    void historyListsEveryVersionOldestFirstWithLabelsAndWriters() {
        List<ParameterHistory> versions = ops.getParameterHistory(r -> r.name(DB_URL)).parameters();

        assertThat(versions).extracting(ParameterHistory::version).containsExactly(1L, 2L, 3L);
        assertThat(versions).extracting(ParameterHistory::value).containsExactly("postgres://localhost:5432/app",
                "postgres://db.internal:5432/app_staging", "postgres://db.internal:5432/app");
        assertThat(versions.get(2).labels()).containsExactly("prod");
        assertThat(versions.get(1).labels()).containsExactly("staging");
        assertThat(versions.get(0).labels()).isEmpty();
        assertThat(versions).extracting(ParameterHistory::lastModifiedUser).containsExactly(
                "arn:aws:iam::000000000000:user/developer", "arn:aws:iam::000000000000:user/ops-lead",
                "arn:aws:iam::000000000000:user/ops-lead");
        assertThat(versions.get(0).lastModifiedDate()).isBefore(versions.get(1).lastModifiedDate());
        assertThat(versions.get(2).description()).isEqualTo("The application's database");
    }

    @Test
    void historyPagesFollowNextTokenAndThePaginatorFetchesThemAll() {
        GetParameterHistoryResponse first = ops.getParameterHistory(r -> r.name(DB_URL).maxResults(2));
        assertThat(first.parameters()).extracting(ParameterHistory::version).containsExactly(1L, 2L);
        assertThat(first.nextToken()).isNotNull();

        GetParameterHistoryResponse second = ops.getParameterHistory(r -> r.name(DB_URL).maxResults(2).nextToken(first.nextToken()));
        assertThat(second.parameters()).extracting(ParameterHistory::version).containsExactly(3L);
        assertThat(second.nextToken()).isNull();

        assertThat(ops.getParameterHistoryPaginator(r -> r.name(DB_URL).maxResults(1)).stream()
                .flatMap(page -> page.parameters().stream()).toList())
                .extracting(ParameterHistory::version).containsExactly(1L, 2L, 3L);
    }

    @Test
    void maxResultsOutsideOneToFiftyAndAForeignTokenAreRefusedAsSsmRefusesThem() {
        for (int maxResults : new int[] { 0, 51 }) {
            assertThatThrownBy(() -> ops.getParameterHistory(r -> r.name(DB_URL).maxResults(maxResults)))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        }
        String tokenOfDbUrl = ops.getParameterHistory(r -> r.name(DB_URL).maxResults(1)).nextToken();
        assertThatThrownBy(() -> ops.getParameterHistory(r -> r.name(API_KEY).nextToken(tokenOfDbUrl)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
    }

    @Test
    void historyOfASecureStringIsCiphertextUnlessDecryptedWithKmsDecrypt() {
        List<ParameterHistory> encrypted = ops.getParameterHistory(r -> r.name(API_KEY)).parameters();
        assertThat(encrypted).extracting(ParameterHistory::value).doesNotContain("demo-api-key-0000", "demo-api-key-1234");
        assertThat(encrypted).extracting(ParameterHistory::keyId).doesNotContainNull();

        assertThat(ops.getParameterHistory(r -> r.name(API_KEY).withDecryption(true)).parameters())
                .extracting(ParameterHistory::value).containsExactly("demo-api-key-0000", "demo-api-key-1234");
    }

    @Test
    void historyNeedsGetParameterHistoryOnTheParameterAndAMissingOneIsNotFound() {
        assertThatThrownBy(() -> demo.getParameterHistory(r -> r.name(DB_URL)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("is not authorized to perform: ssm:GetParameterHistory on resource: "
                                + "arn:aws:ssm:us-east-1:" + LocalAccount.ID + ":parameter/portal/ops/db-url"));
        assertThatThrownBy(() -> ops.getParameterHistory(r -> r.name("/portal/ops/nothing")))
                .isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void getParameterTakesVersionAndLabelSelectors() {
        assertThat(ops.getParameter(r -> r.name(DB_URL + ":1")).parameter().value()).isEqualTo("postgres://localhost:5432/app");
        assertThat(ops.getParameter(r -> r.name(DB_URL + ":prod")).parameter().version()).isEqualTo(3L);
        assertThat(ops.getParameter(r -> r.name(DB_URL + ":staging")).parameter().value())
                .isEqualTo("postgres://db.internal:5432/app_staging");
        assertThat(ops.getParameter(r -> r.name(DB_URL + ":2")).parameter().selector()).isEqualTo(":2");
        assertThat(ops.getParameter(r -> r.name(DB_URL + ":2")).parameter().name()).isEqualTo(DB_URL);
        assertThat(ops.getParameter(r -> r.name(API_KEY + ":1").withDecryption(true)).parameter().value())
                .isEqualTo("demo-api-key-0000");

        assertThatThrownBy(() -> ops.getParameter(r -> r.name(DB_URL + ":4"))).isInstanceOf(ParameterVersionNotFoundException.class);
        assertThatThrownBy(() -> ops.getParameter(r -> r.name(DB_URL + ":nolabel"))).isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void aSelectorIsAuthorisedOnTheParameterItselfBeforeItIsLookedUp() {
        assertThatThrownBy(() -> demo.getParameter(r -> r.name(DB_URL + ":9")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("ssm:GetParameter on resource: arn:aws:ssm:us-east-1:" + LocalAccount.ID + ":parameter/portal/ops/db-url "));
    }
}
