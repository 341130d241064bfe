package io.parameterportal.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parameterportal.parameter.Parameter;
import io.parameterportal.parameter.PathListing;

/**
 * What a signed-in user sees: their name, the parameter read with their credentials, the role it was read
 * as and the roles they may choose from, when the session ends, and — when paths are configured — each
 * path's listing. Nothing in it is decrypted: a SecureString's value is {@code null}.
 *
 * @param role the role of this view, when known (absent: the identity pool's authenticated role)
 * @param roles the roles the user's token lists ({@code cognito:roles}); empty for a user in no group
 * @param sessionExpiresAt when the id token expires (its {@code exp}): the page's session ends then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String name, Parameter parameter, String role, List<String> roles, Instant sessionExpiresAt,
        List<PathListing> paths) {
}
