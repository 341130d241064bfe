package io.parameterportal.parameter;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * One line of a line diff between two String values: {@code op} is {@code equal} (in both), {@code delete}
 * (only in the older value) or {@code insert} (only in the newer one). Computed by java-diff-utils (Myers);
 * the whole of both values is listed, in order, so a page can show it as is.
 */
public record DiffLine(String op, String text) {

    static List<DiffLine> between(String older, String newer) {
        List<String> before = older.lines().toList();
        List<String> after = newer.lines().toList();
        List<DiffLine> lines = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after, true).getDeltas()) {
            switch (delta.getType()) {
                case EQUAL -> delta.getSource().getLines().forEach(line -> lines.add(new DiffLine("equal", line)));
                case DELETE -> delta.getSource().getLines().forEach(line -> lines.add(new DiffLine("delete", line)));
                case INSERT -> delta.getTarget().getLines().forEach(line -> lines.add(new DiffLine("insert", line)));
                case CHANGE -> {
                    delta.getSource().getLines().forEach(line -> lines.add(new DiffLine("delete", line)));
                    delta.getTarget().getLines().forEach(line -> lines.add(new DiffLine("insert", line)));
                }
            }
        }
        return lines;
    }
}
