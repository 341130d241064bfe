package io.parameterportal.parameter;

import java.time.Instant;

/**
 * A parameter found under a path, as the user's role read it (a SecureString decrypted).
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
