package io.parameterportal.parameter;

import java.util.List;

/**
 * The versions of one parameter, newest first, at most {@link ParameterReader#HISTORY_MAX_VERSIONS}.
 */
public record VersionHistory(String name, List<HistoryVersion> versions) {
}
