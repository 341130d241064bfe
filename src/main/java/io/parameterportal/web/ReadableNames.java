package io.parameterportal.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.parameterportal.config.ParameterScope;

/**
 * The parameters the API reads one at a time (reveal, history): the tutorial's parameter and names under a
 * configured path — nothing else, checked before any AWS call, so the portal cannot be used to probe the
 * rest of the account's Parameter Store with a user's credentials.
 */
@Singleton
class ReadableNames {

    /** SSM's own alphabet for names: letters, digits, {@code _ . - /}. Control characters, spaces, {@code %} and {@code :} never pass. */
    private static final Pattern SSM_NAME = Pattern.compile("[A-Za-z0-9_.\\-/]+");
    /** SSM's limit for a name with its ARN; a name over it is no parameter's. */
    static final int MAX_LENGTH = 1011;

    private final String seed;
    private final List<String> paths;

    ReadableNames(ParameterScope scope) {
        this.seed = scope.seed();
        this.paths = scope.paths().stream().map(path -> path.endsWith("/") ? path : path + "/").toList();
    }

    /** @throws UnreadableRequestException naming what is wrong with {@code name}, without echoing it */
    String require(String name) {
        if (name == null || name.isEmpty()) {
            throw new UnreadableRequestException("The request names no parameter; send \"name\".");
        }
        if (name.length() > MAX_LENGTH) {
            throw new UnreadableRequestException("The parameter name is longer than Parameter Store allows (" + MAX_LENGTH + ").");
        }
        if (!SSM_NAME.matcher(name).matches()) {
            throw new UnreadableRequestException("A parameter name holds only letters, digits and _ . - /.");
        }
        if (!name.equals(seed) && !underAPath(name)) {
            throw new UnreadableRequestException("The portal reads only " + seed
                    + (paths.isEmpty() ? "" : " and parameters under " + String.join(", ", paths)) + ".");
        }
        return name;
    }

    /** Under a path as a hierarchy: no empty, {@code .} or {@code ..} step, no trailing slash. */
    private boolean underAPath(String name) {
        if (name.endsWith("/") || name.contains("//")) {
            return false;
        }
        for (String step : name.split("/")) {
            if (step.equals(".") || step.equals("..")) {
                return false;
            }
        }
        return paths.stream().anyMatch(name::startsWith);
    }
}
