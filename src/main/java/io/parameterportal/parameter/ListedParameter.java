package io.parameterportal.parameter;

import java.time.Instant;

/**
 * A parameter as one read answered it: listed under a path, a SecureString's {@code value} is {@code null}
 * (views decrypt nothing); revealed through {@code /api/parameter}, it is the plaintext the user asked for.
 *
 * @param type {@code String}, {@code StringList} or {@code SecureString}
 */
public record ListedParameter(String name, String type, String value, long version, Instant lastModified) {

    /** Leaves the value out: it may be a SecureString's. */
    @Override
    public String toString() {
        return "ListedParameter[name=" + name + ", type=" + type + ", version=" + version + "]";
    }
}
