package io.parameterportal.config;

import java.util.List;

/**
 * The parameters a signed-in user is shown: the tutorial's one, and every one under the configured paths.
 *
 * @param seed the tutorial's parameter, shown after sign-in
 * @param paths the SSM paths listed after sign-in, in the configured order; empty when none are
 */
public record ParameterScope(String seed, List<String> paths) {
}
