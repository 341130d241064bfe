package io.parameterportal.parameter;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of a parameter as {@code GetParameterHistory} lists it, never decrypted: a SecureString
 * version's {@code value} is {@code null} (always written; {@code description} and {@code diff} are left out when absent).
 *
 * @param lastModifiedUser the IAM identity that wrote this version, as SSM records it
 * @param labels the labels on this version; empty when none
 * @param diff for a String version whose previous version is a String too, the line diff from that one to this
 *        (docs/api.md); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryVersion(long version, String type, @JsonInclude(JsonInclude.Include.ALWAYS) String value, Instant lastModified,
        String lastModifiedUser,
        List<String> labels, String description, List<DiffLine> diff) {

    /** Leaves the value out. */
    @Override
    public String toString() {
        return "HistoryVersion[version=" + version + ", type=" + type + "]";
    }
}
