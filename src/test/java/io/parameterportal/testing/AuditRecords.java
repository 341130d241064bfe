package io.parameterportal.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

import io.parameterportal.audit.AuditLog;

/**
 * The records of the {@code audit} log category while open, each as its structured fields (the MDC that
 * prod's JSON log writes as {@code mdc}) and its formatted message.
 */
public final class AuditRecords implements AutoCloseable {

    /** One record: its fields and its message. */
    public record Entry(Map<String, String> fields, String message) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Logger audit = Logger.getLogger(AuditLog.CATEGORY);
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            entries.add(new Entry(Map.copyOf(ext.getMdcCopy()), ext.getFormattedMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private AuditRecords() {
        audit.addHandler(handler);
    }

    public static AuditRecords start() {
        return new AuditRecords();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The fields of every record so far. */
    public List<Map<String, String>> fields() {
        return entries.stream().map(Entry::fields).toList();
    }

    @Override
    public void close() {
        audit.removeHandler(handler);
    }
}
