package io.parameterportal.parameter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.parameterportal.aws.AwsCall;
import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.config.ParameterScope;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.identity.UserCredentials;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reads Parameter Store as the user: the process's single SSM client signs each request with the
 * user's credentials, so what comes back is exactly what the user's IAM role allows. Views and history
 * decrypt nothing (a SecureString's value is {@code null}); only {@link #reveal} asks for a plaintext, one
 * parameter at a time. Every SDK call goes through {@link AwsCall}: failures are classified where the SDK is
 * called, and a request whose client leaves lets its calls finish with their outcomes consumed
 * (docs/cancellation.md).
 */
@Singleton
public class ParameterReader {

    /** SSM keeps at most 100 versions of a parameter; the history answers no more than that. */
    public static final int HISTORY_MAX_VERSIONS = 100;
    /** The largest page GetParameterHistory serves. */
    private static final int HISTORY_PAGE_SIZE = 50;

    private final SsmAsyncClient ssm;
    private final ParameterScope scope;
    private final int pathMaxParameters;

    ParameterReader(SsmAsyncClient ssm, ParameterScope scope, PortalConfig config) {
        this.ssm = ssm;
        this.scope = scope;
        this.pathMaxParameters = config.pathMaxParameters();
    }

    /** The tutorial's parameter and every configured path, read at once; a path the role may not list says so. */
    public Uni<ParameterView> readAll(UserCredentials user) {
        Uni<Parameter> seed = read(scope.seed(), user);
        if (scope.paths().isEmpty()) {
            return seed.map(parameter -> new ParameterView(parameter, null));
        }
        List<Uni<PathListing>> listings = scope.paths().stream().map(path -> list(path, user)).toList();
        // Every read runs to its end (each is bounded by the upstream timeout) and the first failure is the
        // answer: failing fast would cancel the others mid-way. (A read cancelled anyway, because the client
        // left, still finishes inside AwsCall, its outcome consumed there.)
        return Uni.combine().all().unis(seed, Uni.join().all(listings).andCollectFailures())
                .collectFailures()
                .asTuple()
                .map(both -> new ParameterView(both.getItem1(), both.getItem2()))
                .onFailure(CompositeException.class).transform(ParameterReader::firstFailure);
    }

    private static Throwable firstFailure(Throwable failure) {
        Throwable first = failure;
        while (first instanceof CompositeException composite) {
            first = composite.getCauses().get(0);
        }
        return first;
    }

    /** One parameter as a view shows it: not decrypted. */
    public Uni<Parameter> read(String name, UserCredentials user) {
        GetParameterRequest request = GetParameterRequest.builder()
                .name(name)
                .withDecryption(false)
                .overrideConfiguration(o -> o.credentialsProvider(asUser(user)))
                .build();
        return AwsCall.of(() -> ssm.getParameter(request))
                .map(response -> new Parameter(response.parameter().name(), response.parameter().typeAsString(),
                        shown(response.parameter().type(), response.parameter().value())));
    }

    /**
     * One parameter decrypted, as the user asked to see it: its current version, or {@code version} (SSM's
     * {@code name:version} selector). One GetParameter, never cached.
     */
    public Uni<ListedParameter> reveal(String name, Optional<Long> version, UserCredentials user) {
        GetParameterRequest request = GetParameterRequest.builder()
                .name(version.map(number -> name + ":" + number).orElse(name))
                .withDecryption(true)
                .overrideConfiguration(o -> o.credentialsProvider(asUser(user)))
                .build();
        return AwsCall.of(() -> ssm.getParameter(request))
                .map(response -> response.parameter())
                .map(found -> new ListedParameter(found.name(), found.typeAsString(), found.value(), versionOf(found.version()),
                        found.lastModifiedDate()));
    }

    /**
     * The versions of {@code name}, newest first (at most {@link #HISTORY_MAX_VERSIONS}), page after page, not
     * decrypted; each String version whose previous version is a String too
     * carries the line diff from it.
     */
    public Uni<VersionHistory> history(String name, UserCredentials user) {
        GetParameterHistoryRequest request = GetParameterHistoryRequest.builder()
                .name(name)
                .withDecryption(false)
                .maxResults(HISTORY_PAGE_SIZE)
                .overrideConfiguration(o -> o.credentialsProvider(asUser(user)))
                .build();
        return AwsCall.pages(token -> ssm.getParameterHistory(request.toBuilder().nextToken(token).build()),
                        GetParameterHistoryResponse::nextToken)
                .onItem().transformToIterable(GetParameterHistoryResponse::parameters)
                .collect().asList()
                .map(found -> newestFirst(name, found));
    }

    private static VersionHistory newestFirst(String name, List<ParameterHistory> found) {
        List<ParameterHistory> newestFirst = found.stream()
                .sorted(Comparator.comparing((ParameterHistory version) -> versionOf(version.version())).reversed())
                .limit(HISTORY_MAX_VERSIONS)
                .toList();
        List<HistoryVersion> versions = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            ParameterHistory version = newestFirst.get(i);
            ParameterHistory previous = i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : null;
            versions.add(new HistoryVersion(versionOf(version.version()), version.typeAsString(),
                    shown(version.type(), version.value()), version.lastModifiedDate(), version.lastModifiedUser(),
                    List.copyOf(version.labels()), version.description(), diff(previous, version)));
        }
        return new VersionHistory(name, versions);
    }

    /** The line diff from {@code previous} to {@code version} when both are Strings; {@code null} otherwise. */
    private static List<DiffLine> diff(ParameterHistory previous,
            ParameterHistory version) {
        if (previous == null || previous.type() != ParameterType.STRING || version.type() != ParameterType.STRING) {
            return null;
        }
        return DiffLine.between(previous.value(), version.value());
    }

    /**
     * Every parameter under {@code path} (recursive, not decrypted), page after page, up to {@code portal.path-max-parameters}; denied when the role may not list the path.
     */
    public Uni<PathListing> list(String path, UserCredentials user) {
        int max = pathMaxParameters;
        GetParametersByPathRequest request = GetParametersByPathRequest.builder()
                .path(path)
                .recursive(true)
                .withDecryption(false)
                .overrideConfiguration(o -> o.credentialsProvider(asUser(user)))
                .build();
        // One more than the limit tells whether the path holds more; no page is asked for after it.
        return AwsCall.pages(token -> ssm.getParametersByPath(request.toBuilder().nextToken(token).build()),
                        GetParametersByPathResponse::nextToken)
                .onItem().transformToIterable(GetParametersByPathResponse::parameters)
                .select().first(max + 1L)
                .map(found -> new ListedParameter(found.name(), found.typeAsString(), shown(found.type(), found.value()),
                        versionOf(found.version()), found.lastModifiedDate()))
                .collect().asList()
                .map(found -> found.size() > max
                        ? PathListing.listed(path, List.copyOf(found.subList(0, max)), true)
                        : PathListing.listed(path, found, false))
                .onFailure(ParameterReader::denied).recoverWithItem(PathListing.denied(path));
    }

    /** A SecureString read without decryption carries ciphertext: never shown, not even encrypted. */
    private static String shown(ParameterType type, String value) {
        return type == ParameterType.SECURE_STRING ? null : value;
    }

    private static long versionOf(Long version) {
        return version == null ? 0 : version;
    }

    private static boolean denied(Throwable failure) {
        return failure instanceof UpstreamFailure upstream && upstream.kind() == UpstreamFailure.Kind.DENIED;
    }

    private static StaticCredentialsProvider asUser(UserCredentials user) {
        return StaticCredentialsProvider.create(user.credentials());
    }
}
