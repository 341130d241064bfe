package io.parameterportal.local.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.parameterportal.config.PortalSettings;
import io.smallrye.mutiny.Uni;

/**
 * The local stand-in of SSM Parameter Store: the parameters of {@code portal.local.parameters}, read
 * with GetParameter, GetParameters or GetParametersByPath. Every call must be signed with credentials
 * of the local identity pool and is then judged by the role's {@link RolePolicy}, before it is known
 * whether the parameter exists, as IAM does.
 */
@ApplicationScoped
class LocalParameterStore implements AwsJsonService {

    record GetParameterRequest(String name) {
    }

    record GetParameterResponse(Parameter parameter) {
    }

    record GetParametersRequest(List<String> names) {
    }

    record GetParametersResponse(List<Parameter> parameters, List<String> invalidParameters) {
    }

    record GetParametersByPathRequest(String path, boolean recursive) {
    }

    record GetParametersByPathResponse(List<Parameter> parameters) {
    }

    /** @param lastModifiedDate epoch seconds, as the JSON protocol writes timestamps */
    record Parameter(String name, String type, String value, long version, @JsonProperty("ARN") String arn, String dataType,
            long lastModifiedDate) {
    }

    private final Map<String, String> values;
    private final Instant loadedAt = Instant.now();
    private final String region;
    private final SigV4Authenticator authenticator;
    private final RolePolicy policy;
    private final AwsJson json;

    LocalParameterStore(PortalSettings settings, SigV4Authenticator authenticator, RolePolicy policy,
            AwsJson json) {
        this.values = new TreeMap<>(settings.local().parameters());
        this.region = settings.region();
        this.authenticator = authenticator;
        this.policy = policy;
        this.json = json;
    }

    @Override
    public String targetPrefix() {
        return "AmazonSSM";
    }

    @Override
    public Uni<?> call(String operation, AwsRequest request) {
        authenticator.authenticate(request);
        return Uni.createFrom().item(switch (operation) {
            case "GetParameter" -> getParameter(json.read(request, GetParameterRequest.class));
            case "GetParameters" -> getParameters(json.read(request, GetParametersRequest.class));
            case "GetParametersByPath" -> getParametersByPath(json.read(request, GetParametersByPathRequest.class));
            default -> throw AwsError.unknownOperation(targetPrefix() + "." + operation);
        });
    }

    private GetParameterResponse getParameter(GetParameterRequest request) {
        String name = required(request.name(), "Name");
        policy.requireAllowed("ssm:GetParameter", name, arn(name));
        if (!values.containsKey(name)) {
            throw new AwsError("ParameterNotFound", "Parameter " + name + " not found.");
        }
        return new GetParameterResponse(parameter(name));
    }

    private GetParametersResponse getParameters(GetParametersRequest request) {
        List<String> names = request.names() == null ? List.of() : request.names();
        names.forEach(name -> policy.requireAllowed("ssm:GetParameters", name, arn(name)));
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String name : names) {
            if (values.containsKey(name)) {
                found.add(parameter(name));
            } else {
                invalid.add(name);
            }
        }
        return new GetParametersResponse(found, invalid);
    }

    /** Paths are the hierarchy of names that start with a slash: {@code /app/db} is under {@code /app}. */
    private GetParametersByPathResponse getParametersByPath(GetParametersByPathRequest request) {
        String path = required(request.path(), "Path");
        if (!path.startsWith("/")) {
            throw new AwsError("ValidationException", "The parameter path must begin with a slash (/).");
        }
        policy.requireAllowed("ssm:GetParametersByPath", path, arn(path));
        String prefix = path.endsWith("/") ? path : path + "/";
        List<Parameter> found = values.keySet().stream()
                .filter(name -> name.startsWith(prefix) && (request.recursive() || name.indexOf('/', prefix.length()) < 0))
                .map(this::parameter)
                .toList();
        return new GetParametersByPathResponse(found);
    }

    private Parameter parameter(String name) {
        return new Parameter(name, "String", values.get(name), 1, arn(name), "text", loadedAt.getEpochSecond());
    }

    /** A hierarchical name already starts with the slash that separates it from {@code parameter}. */
    private String arn(String name) {
        return "arn:aws:ssm:" + region + ":" + RolePolicy.ACCOUNT_ID + ":parameter" + (name.startsWith("/") ? "" : "/") + name;
    }

    private static String required(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw new AwsError("ValidationException", "1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }
}
