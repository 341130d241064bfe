package io.parameterportal.parameter;

/** A Parameter Store value as the user was allowed to read it. */
public record Parameter(String name, String value) {
}
