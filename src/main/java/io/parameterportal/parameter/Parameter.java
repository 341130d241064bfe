package io.parameterportal.parameter;

/**
 * The tutorial's parameter as a view shows it: a SecureString's {@code value} is {@code null} (read without
 * decryption; revealed only through {@code /api/parameter}).
 *
 * @param type {@code String}, {@code StringList} or {@code SecureString}
 */
public record Parameter(String name, String type, String value) {

    /** Leaves the value out. */
    @Override
    public String toString() {
        return "Parameter[name=" + name + ", type=" + type + "]";
    }
}
