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
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jose4j.lang.HashUtil;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.local.userpool.LocalAccount;
import io.smallrye.mutiny.Uni;

/**
 * The local stand-in of SSM Parameter Store: the parameters of {@code portal.local.parameters} (with their
 * earlier versions), read with GetParameter ({@code name:version} and {@code name:label} selectors too),
 * GetParameters, GetParametersByPath or GetParameterHistory. Every call must be signed with credentials
 * of the local identity pool and is judged by their role's policy as IAM judges it — before it is known
 * whether a parameter exists: GetParametersByPath on the path's ARN (not on each parameter), and
 * reading a SecureString decrypted needs {@code kms:Decrypt} on the local KMS key that encrypts them.
 */
@ApplicationScoped
class LocalParameterStore implements AwsJsonService {

    private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
    /** SSM answers GetParametersByPath in pages of at most 10. */
    private static final int MAX_PAGE = 10;
    /** And GetParameterHistory in pages of at most 50. */
    private static final int MAX_HISTORY_PAGE = 50;
    private static final long DAY = 24 * 60 * 60;

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

    record GetParameterHistoryRequest(String name, boolean withDecryption, Integer maxResults, String nextToken) {
    }

    record GetParameterHistoryResponse(List<ParameterHistory> parameters, String nextToken) {
    }

    /**
     * @param lastModifiedDate epoch seconds, as the JSON protocol writes timestamps
     * @param selector the {@code :version} or {@code :label} the request named, when it named one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameter(String name, String type, String value, long version, String selector, @JsonProperty("ARN") String arn,
            String dataType, long lastModifiedDate) {
    }

    /** One version as GetParameterHistory lists it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParameterHistory(String name, String type, String keyId, long lastModifiedDate, String lastModifiedUser,
            String description, String value, long version, List<String> labels, String tier, String dataType) {
    }

    /**
     * One stored version of a parameter: its value in the clear, as the local KMS key would decrypt it.
     *
     * @param lastModified epoch seconds
     */
    private record Version(long number, String type, String value, List<String> labels, String lastModifiedUser,
            String description, long lastModified) {
    }

    /** Each parameter's versions, oldest first: the last is the current one. */
    private final NavigableMap<String, List<Version>> store = new TreeMap<>();
    /** The local store's decryptions so far (each is a KMS Decrypt on AWS): a view must make none. */
    private final AtomicLong decryptions = new AtomicLong();
    private final String region;
    private final String keyArn;
    private final SigV4Authenticator authenticator;
    private final LocalRoles roles;
    private final AwsJson json;

    LocalParameterStore(PortalConfig.Local local, CognitoPool pool, SigV4Authenticator authenticator, LocalRoles roles, AwsJson json, Clock clock) {
        long loadedAt = clock.instant().getEpochSecond();
        local.parameters().forEach((name, parameter) -> store.put(name, versionsOf(name, parameter, loadedAt)));
        this.region = pool.region();
        // One customer-managed key encrypts every local SecureString, as deploy/cognito.yaml's key does on AWS.
        this.keyArn = "arn:aws:kms:" + region + ":" + LocalAccount.ID + ":key/"
                + UUID.nameUUIDFromBytes("portal-local-parameters".getBytes(StandardCharsets.UTF_8));
        this.authenticator = authenticator;
        this.roles = roles;
        this.json = json;
    }

    /**
     * The configured earlier versions (oldest first) and the current one after them, a day apart, the current
     * one written when the store was loaded.
     */
    private static List<Version> versionsOf(String name, PortalConfig.Local.Parameter parameter, long loadedAt) {
        List<PortalConfig.Local.Version> configured = new ArrayList<>(parameter.history().orElse(List.of()));
        configured.add(parameter);
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            PortalConfig.Local.Version version = configured.get(i);
            versions.add(new Version(i + 1L, typeOf(name, version.type()), version.value(), version.labels().orElse(List.of()),
                    version.lastModifiedUser(), version.description().orElse(null), loadedAt - DAY * (configured.size() - 1 - i)));
        }
        return List.copyOf(versions);
    }

    private static String typeOf(String name, String type) {
        if (!TYPES.contains(type)) {
            throw new IllegalStateException("portal.local.parameters.\"" + name + "\" has type " + type
                    + "; SSM knows String, StringList and SecureString.");
        }
        return type;
    }

    /** How many SecureString values this store has decrypted since it started. */
    long decryptions() {
        return decryptions.get();
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
            case "GetParameterHistory" -> getParameterHistory(role, json.read(request, GetParameterHistoryRequest.class));
            default -> throw AwsError.unknownOperation(targetPrefix() + "." + operation);
        });
    }

    /**
     * {@code name}, {@code name:version} or {@code name:label}, as SSM reads them: authorised on the parameter's
     * ARN (without the selector), then a missing parameter is ParameterNotFound, a missing version
     * ParameterVersionNotFound, a label no version carries ParameterNotFound.
     */
    private GetParameterResponse getParameter(String role, GetParameterRequest request) {
        String named = required(request.name(), "Name");
        int colon = named.lastIndexOf(':');
        String name = colon < 0 ? named : named.substring(0, colon);
        String selector = colon < 0 ? null : named.substring(colon + 1);
        roles.requireAllowed(role, "ssm:GetParameter", arn(name));
        List<Version> versions = store.get(name);
        if (versions == null) {
            throw notFound(name);
        }
        Version version = selector == null ? current(versions) : selected(name, versions, selector);
        return new GetParameterResponse(parameter(role, name, version, selector == null ? null : ":" + selector,
                request.withDecryption()));
    }

    private static Version selected(String name, List<Version> versions, String selector) {
        if (selector.matches("[0-9]{1,18}")) {
            long number = Long.parseLong(selector);
            return versions.stream().filter(version -> version.number() == number).findFirst()
                    .orElseThrow(() -> new AwsError("ParameterVersionNotFound", "Systems Manager could not find version "
                            + number + " of " + name + ". Verify the version and try again."));
        }
        return versions.stream().filter(version -> version.labels().contains(selector)).findFirst()
                .orElseThrow(() -> notFound(name + ":" + selector));
    }

    private GetParametersResponse getParameters(String role, GetParametersRequest request) {
        List<String> names = request.names() == null ? List.of() : request.names();
        names.forEach(name -> roles.requireAllowed(role, "ssm:GetParameters", arn(name)));
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String name : names) {
            if (store.containsKey(name)) {
                found.add(parameter(role, name, current(store.get(name)), null, request.withDecryption()));
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
                .map(name -> parameter(role, name, current(store.get(name)), null, request.withDecryption()))
                .toList();
        String next = names.size() > pageSize ? token(names.get(pageSize - 1)) : null;
        return new GetParametersByPathResponse(page, next);
    }

    /**
     * Every version of a parameter, oldest first as SSM lists them, in pages of {@code MaxResults} (1 to 50,
     * default 50); {@code NextToken} continues after the last version returned. Authorised as
     * {@code ssm:GetParameterHistory} on the parameter's ARN; decrypted SecureString versions need
     * {@code kms:Decrypt} as everywhere.
     */
    private GetParameterHistoryResponse getParameterHistory(String role, GetParameterHistoryRequest request) {
        String name = required(request.name(), "Name");
        int pageSize = request.maxResults() == null ? MAX_HISTORY_PAGE : request.maxResults();
        if (pageSize < 1 || pageSize > MAX_HISTORY_PAGE) {
            throw new AwsError("ValidationException", "1 validation error detected: Value '" + pageSize
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
        }
        roles.requireAllowed(role, "ssm:GetParameterHistory", arn(name));
        List<Version> versions = store.get(name);
        if (versions == null) {
            throw notFound(name);
        }
        int from = request.nextToken() == null ? 0 : historyPosition(request.nextToken(), name, versions.size());
        int to = Math.min(versions.size(), from + pageSize);
        List<ParameterHistory> page = versions.subList(from, to).stream().map(version -> {
            boolean secure = "SecureString".equals(version.type());
            return new ParameterHistory(name, version.type(), secure ? "alias/portal-local" : null, version.lastModified(),
                    version.lastModifiedUser(), version.description(), valueOf(role, version, request.withDecryption()),
                    version.number(), version.labels(), "Standard", "text");
        }).toList();
        return new GetParameterHistoryResponse(page, to < versions.size() ? token(name + "#" + to) : null);
    }

    /** A SecureString's value leaves decrypted only for a role that may use the key, as KMS decides on AWS. */
    private Parameter parameter(String role, String name, Version version, String selector, boolean withDecryption) {
        return new Parameter(name, version.type(), valueOf(role, version, withDecryption), version.number(), selector, arn(name),
                "text", version.lastModified());
    }

    /** The value as it leaves: a SecureString decrypted (one KMS Decrypt, counted) or as its ciphertext. */
    private String valueOf(String role, Version version, boolean withDecryption) {
        if (!"SecureString".equals(version.type())) {
            return version.value();
        }
        if (!withDecryption) {
            return ciphertextOf(version.value());
        }
        roles.requireAllowed(role, "kms:Decrypt", keyArn);
        decryptions.incrementAndGet();
        return version.value();
    }

    private static Version current(List<Version> versions) {
        return versions.get(versions.size() - 1);
    }

    private static AwsError notFound(String name) {
        return new AwsError("ParameterNotFound", "Parameter " + name + " not found.");
    }

    /** A hierarchical name already starts with the slash that separates it from {@code parameter}. */
    private String arn(String name) {
        return "arn:aws:ssm:" + region + ":" + LocalAccount.ID + ":parameter" + (name.startsWith("/") ? "" : "/") + name;
    }

    private static String token(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    /** A history token names the parameter and the position to continue at; any other is refused as SSM does. */
    private static int historyPosition(String nextToken, String name, int size) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            if (decoded.startsWith(name + "#")) {
                int position = Integer.parseInt(decoded.substring(name.length() + 1));
                if (position > 0 && position < size) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a token of another parameter
        }
        throw new AwsError("InvalidNextToken", "The specified token isn't valid.");
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
