package io.parameterportal.moto;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snapshot of the portal's {@code portal.aws.calls} counter per operation (all services and
 * outcomes added up), read from its Prometheus endpoint {@code /q/metrics} on the management port
 * ({@link MotoProfiles#managementPort()}), so that the same check works in {@code @QuarkusTest} and
 * against the packaged jar in {@code @QuarkusIntegrationTest}.
 */
record AwsCalls(Map<String, Long> byOperation) {

    static final String GET_ID = "GetId";
    static final String GET_CREDENTIALS = "GetCredentialsForIdentity";
    static final String GET_PARAMETER = "GetParameter";

    private static final Pattern SAMPLE = Pattern.compile("^portal_aws_calls_total\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern OPERATION = Pattern.compile("(?:^|,)\\s*operation=\"([^\"]*)\"");

    static AwsCalls now() {
        String text = given().accept("text/plain").port(MotoProfiles.managementPort())
                .when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Long> counts = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            Matcher operation = OPERATION.matcher(sample.group(1));
            String name = operation.find() ? operation.group(1) : "?";
            counts.merge(name, Math.round(Double.parseDouble(sample.group(2))), Long::sum);
        }
        return new AwsCalls(Map.copyOf(counts));
    }

    long of(String operation) {
        return byOperation.getOrDefault(operation, 0L);
    }

    long total() {
        return byOperation.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls made since {@code before}, per operation (operations without calls left out). */
    Map<String, Long> since(AwsCalls before) {
        Map<String, Long> delta = new TreeMap<>();
        for (Map.Entry<String, Long> entry : byOperation.entrySet()) {
            long made = entry.getValue() - before.of(entry.getKey());
            if (made != 0) {
                delta.put(entry.getKey(), made);
            }
        }
        return delta;
    }
}
