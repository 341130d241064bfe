package io.parameterportal.local.aws;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jose4j.lang.HashUtil;

import io.parameterportal.config.PortalSettings;
import io.parameterportal.local.userpool.LocalAccount;
import io.smallrye.mutiny.Uni;

/**
 * The local stand-in of SSM Parameter Store: the parameters of {@code portal.local.parameters}, read
 * with GetParameter, GetParameters or GetParametersByPath. Every call must be signed with credentials
 * of the local identity pool and is judged by their role's policy as IAM judges it — before it is known
 * whether a parameter exists: GetParametersByPath on the path's ARN (not on each parameter), and
 * reading a SecureString decrypted needs {@code kms:Decrypt} on the local KMS key that encrypts them.
 */
@ApplicationScoped
class LocalParameterStore implements AwsJsonService {

    private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
    /** SSM answers GetParametersByPath in pages of at most 10. */
    private static final int MAX_PAGE = 10;

    record GetParameterRequest(String name, boolean withDecryption) {
    }

    record GetParameterResponse(Parameter parameter) {
    }

    record GetParametersRequest(List<String> names, boolean withDecryption) {
    }

    record GetParametersResponse(List<Parameter> parameters, List<String> invalidParameters) {
    }

    record GetParametersByPathRequest(String path, boolean recursive, boolean withDecryption, Integer maxResults,
            String nextToken) {
    }

    record GetParametersByPathResponse(List<Parameter> parameters, String nextToken) {
    }

    /** @param lastModifiedDate epoch seconds, as the JSON protocol writes timestamps */
    record Parameter(String name, String type, String value, long version, @JsonProperty("ARN") String arn, String dataType,
            long lastModifiedDate) {
    }

    /** A stored parameter: its value in the clear, as the local KMS key would decrypt it. */
    private record Stored(String type, String value) {
    }

    private final NavigableMap<String, Stored> store = new TreeMap<>();
    private final long loadedAt;
    private final String region;
    private final String keyArn;
    private final SigV4Authenticator authenticator;
    private final LocalRoles roles;
    private final AwsJson json;

    LocalParameterStore(PortalSettings settings, SigV4Authenticator authenticator, LocalRoles roles, AwsJson json, Clock clock) {
        settings.config().local().parameters().forEach((name, parameter) -> {
            if (!TYPES.contains(parameter.type())) {
                throw new IllegalStateException("portal.local.parameters.\"" + name + "\".type is " + parameter.type()
                        + "; SSM knows String, StringList and SecureString.");
            }
            store.put(name, new Stored(parameter.type(), parameter.value()));
        });
        this.loadedAt = clock.instant().getEpochSecond();
        this.region = settings.region();
        // One customer-managed key encrypts every local SecureString, as deploy/cognito.yaml's key does on AWS.
        this.keyArn = "arn:aws:kms:" + region + ":" + LocalAccount.ID + ":key/"
                + UUID.nameUUIDFromBytes("portal-local-parameters".getBytes(StandardCharsets.UTF_8));
        this.authenticator = authenticator;
        this.roles = roles;
        this.json = json;
    }

    @Override
    public String targetPrefix() {
        return "AmazonSSM";
    }

    @Override
    public Uni<?> call(String operation, AwsRequest request) {
        String role = authenticator.authenticate(request).roleArn();
        return Uni.createFrom().item(switch (operation) {
            case "GetParameter" -> getParameter(role, json.read(request, GetParameterRequest.class));
            case "GetParameters" -> getParameters(role, json.read(request, GetParametersRequest.class));
            case "GetParametersByPath" -> getParametersByPath(role, json.read(request, GetParametersByPathRequest.class));
            default -> throw AwsError.unknownOperation(targetPrefix() + "." + operation);
        });
    }

    private GetParameterResponse getParameter(String role, GetParameterRequest request) {
        String name = required(request.name(), "Name");
        roles.requireAllowed(role, "ssm:GetParameter", arn(name));
        if (!store.containsKey(name)) {
            throw new AwsError("ParameterNotFound", "Parameter " + name + " not found.");
        }
        return new GetParameterResponse(parameter(role, name, request.withDecryption()));
    }

    private GetParametersResponse getParameters(String role, GetParametersRequest request) {
        List<String> names = request.names() == null ? List.of() : request.names();
        names.forEach(name -> roles.requireAllowed(role, "ssm:GetParameters", arn(name)));
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String name : names) {
            if (store.containsKey(name)) {
                found.add(parameter(role, name, request.withDecryption()));
            } else {
                invalid.add(name);
            }
        }
        return new GetParametersResponse(found, invalid);
    }

    /**
     * Paths are the hierarchy of names that start with a slash: {@code /app/db} is under {@code /app}. A
     * page holds at most {@code MaxResults} (1 to 10, default 10) parameters in name order; {@code NextToken}
     * continues after the last one returned.
     */
    private GetParametersByPathResponse getParametersByPath(String role, GetParametersByPathRequest request) {
        String path = required(request.path(), "Path");
        if (!path.startsWith("/")) {
            throw new AwsError("ValidationException", "The parameter path must begin with a slash (/).");
        }
        int pageSize = request.maxResults() == null ? MAX_PAGE : request.maxResults();
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new AwsError("ValidationException", "1 validation error detected: Value '" + pageSize
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10");
        }
        roles.requireAllowed(role, "ssm:GetParametersByPath", arn(path));
        String prefix = path.endsWith("/") ? path : path + "/";
        String after = request.nextToken() == null ? null : resumeAfter(request.nextToken(), prefix);
        List<String> names = (after == null ? store.tailMap(prefix, true) : store.tailMap(after, false)).keySet().stream()
                .takeWhile(name -> name.startsWith(prefix))
                .filter(name -> request.recursive() || name.indexOf('/', prefix.length()) < 0)
                .limit(pageSize + 1L)
                .toList();
        List<Parameter> page = names.stream().limit(pageSize)
                .map(name -> parameter(role, name, request.withDecryption()))
                .toList();
        String next = names.size() > pageSize ? token(names.get(pageSize - 1)) : null;
        return new GetParametersByPathResponse(page, next);
    }

    /** A SecureString's value leaves decrypted only for a role that may use the key, as KMS decides on AWS. */
    private Parameter parameter(String role, String name, boolean withDecryption) {
        Stored stored = store.get(name);
        String value = stored.value();
        if ("SecureString".equals(stored.type())) {
            if (withDecryption) {
                roles.requireAllowed(role, "kms:Decrypt", keyArn);
            } else {
                value = ciphertextOf(value);
            }
        }
        return new Parameter(name, stored.type(), value, 1, arn(name), "text", loadedAt);
    }

    /** A hierarchical name already starts with the slash that separates it from {@code parameter}. */
    private String arn(String name) {
        return "arn:aws:ssm:" + region + ":" + LocalAccount.ID + ":parameter" + (name.startsWith("/") ? "" : "/") + name;
    }

    private static String token(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String resumeAfter(String nextToken, String prefix) {
        try {
            String last = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            if (last.startsWith(prefix)) {
                return last;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a token of another path
        }
        throw new AwsError("ValidationException", "The nextToken is not valid for this path.");
    }

    /** What SSM returns for a SecureString read without decryption: ciphertext, here an opaque stand-in for it. */
    private static String ciphertextOf(String value) {
        return Base64.getEncoder().encodeToString(
                HashUtil.getMessageDigest(HashUtil.SHA_256).digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String required(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw new AwsError("ValidationException", "1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }
}
