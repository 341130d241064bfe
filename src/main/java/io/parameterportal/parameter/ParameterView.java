package io.parameterportal.parameter;

import java.util.List;

/** Everything one user sees with one role: the tutorial's parameter and the listings of the configured paths. */
public record ParameterView(Parameter parameter, List<PathListing> paths) {
}
