package io.parameterportal.parameter;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the user's role may read under one SSM path: the parameters, or {@code denied} when the role may
 * not list the path at all — one path denied is not a failure of the whole view.
 *
 * @param truncated present when the path holds more than {@code portal.path-max-parameters} parameters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathListing(String path, List<ListedParameter> parameters, Boolean denied, Boolean truncated) {

    static PathListing listed(String path, List<ListedParameter> parameters, boolean truncated) {
        return new PathListing(path, parameters, null, truncated ? Boolean.TRUE : null);
    }

    static PathListing denied(String path) {
        return new PathListing(path, null, Boolean.TRUE, null);
    }
}
