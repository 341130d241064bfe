package io.parameterportal.parameter;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.aws.AwsCall;
import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.config.PortalSettings;
import io.parameterportal.identity.UserCredentials;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;

/**
 * Reads Parameter Store as the user: the process's single SSM client signs each request with the
 * user's credentials, so what comes back is exactly what the user's IAM role allows. Every SDK call goes
 * through {@link AwsCall}: failures are classified where the SDK is called, and a view whose client leaves
 * lets its calls finish with their outcomes consumed (docs/cancellation.md).
 */
@ApplicationScoped
public class ParameterReader {

    private final SsmAsyncClient ssm;
    private final PortalSettings settings;

    ParameterReader(SsmAsyncClient ssm, PortalSettings settings) {
        this.ssm = ssm;
        this.settings = settings;
    }

    /** The tutorial's parameter and every configured path, read at once; a path the role may not list says so. */
    public Uni<ParameterView> readAll(UserCredentials user) {
        Uni<Parameter> seed = read(settings.parameterName(), user);
        if (settings.parameterPaths().isEmpty()) {
            return seed.map(parameter -> new ParameterView(parameter, null));
        }
        List<Uni<PathListing>> listings = settings.parameterPaths().stream().map(path -> list(path, user)).toList();
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

    public Uni<Parameter> read(String name, UserCredentials user) {
        GetParameterRequest request = GetParameterRequest.builder()
                .name(name)
                .withDecryption(true)
                .overrideConfiguration(o -> o.credentialsProvider(asUser(user)))
                .build();
        return AwsCall.of(() -> ssm.getParameter(request))
                .map(response -> new Parameter(response.parameter().name(), response.parameter().value()));
    }

    /**
     * Every parameter under {@code path} (recursive, decrypted), page after page, up to
     * {@code portal.path-max-parameters}; denied when the role may not list the path or decrypt what is in it.
     */
    public Uni<PathListing> list(String path, UserCredentials user) {
        int max = settings.config().pathMaxParameters();
        GetParametersByPathRequest request = GetParametersByPathRequest.builder()
                .path(path)
                .recursive(true)
                .withDecryption(true)
                .overrideConfiguration(o -> o.credentialsProvider(asUser(user)))
                .build();
        // One more than the limit tells whether the path holds more; no page is asked for after it.
        return AwsCall.pages(token -> ssm.getParametersByPath(request.toBuilder().nextToken(token).build()),
                        GetParametersByPathResponse::nextToken)
                .onItem().transformToIterable(GetParametersByPathResponse::parameters)
                .select().first(max + 1L)
                .map(found -> new ListedParameter(found.name(), found.typeAsString(), found.value(),
                        found.version() == null ? 0 : found.version(),
                        found.lastModifiedDate()))
                .collect().asList()
                .map(found -> found.size() > max
                        ? PathListing.listed(path, List.copyOf(found.subList(0, max)), true)
                        : PathListing.listed(path, found, false))
                .onFailure(ParameterReader::denied).recoverWithItem(PathListing.denied(path));
    }

    private static boolean denied(Throwable failure) {
        return failure instanceof UpstreamFailure upstream && upstream.answer().status() == 403 && !upstream.credentialsRejected();
    }

    private static StaticCredentialsProvider asUser(UserCredentials user) {
        return StaticCredentialsProvider.create(user.credentials());
    }
}
