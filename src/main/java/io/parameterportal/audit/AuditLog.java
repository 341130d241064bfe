package io.parameterportal.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Who looked at what: one record per view, reveal, history read, sign-in and sign-out, written to the log
 * category {@value #CATEGORY}. Its fields travel as the record's MDC, so that in prod's JSON log each is a
 * member of {@code mdc} ({@code mdc.event}, {@code mdc.outcome}, …) that a CloudWatch filter can match
 * (docs/audit.md); the message repeats them for a human reading the console. A record names parameters,
 * never a value, a token, a code or a cookie: no method here takes one.
 */
@Singleton
public class AuditLog {

    public static final String CATEGORY = "audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    /** A record's fields, each an MDC key, in the order {@link #write} sets them. */
    private enum Field {
        EVENT("event"), OUTCOME("outcome"), USER("user"), SUB("sub"), ROLE("role"), NAMES("names"), VERSION("version"),
        REQUEST_ID("requestId");

        private static final Field[] ALL = values();
        private final String key;

        Field(String key) {
            this.key = key;
        }
    }

    public enum Event {
        VIEW, REVEAL, HISTORY, SIGN_IN, SIGN_OUT;

        /** As the record writes it: {@code view}, {@code sign-in}, … */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public enum Outcome {
        /** The user was shown what they asked for. */
        ALLOWED,
        /** AWS (IAM or KMS) or the portal's own rules refused it. */
        DENIED,
        /** The parameter (or the version) does not exist. */
        MISSING,
        /** AWS failed, throttled or did not answer in time. */
        FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One record.
     *
     * @param userName the id token's {@code name} (or user name)
     * @param subject the id token's {@code sub}
     * @param role the role acted as, when known
     * @param names the parameters (for a view: the tutorial's parameter and the paths listed); empty for a sign-in or sign-out
     * @param version the version asked for, when one was
     * @param requestId the id of the HTTP request, as its {@code X-Request-Id} answer header says
     */
    public record Entry(Event event, Outcome outcome, String userName, String subject, Optional<String> role, List<String> names,
            Optional<Long> version, String requestId) {
    }

    public void write(Entry entry) {
        // Written on the event loop for every API request: one pass, no regular expression, no intermediate map.
        StringBuilder message = new StringBuilder(160);
        field(message, Field.EVENT, entry.event().wireName());
        field(message, Field.OUTCOME, entry.outcome().wireName());
        field(message, Field.USER, oneLine(entry.userName()));
        field(message, Field.SUB, oneLine(entry.subject()));
        field(message, Field.ROLE, entry.role().map(AuditLog::oneLine).orElse(null));
        // Parameter names never hold a comma (SSM allows a-zA-Z0-9_.-/ only).
        field(message, Field.NAMES, entry.names().isEmpty() ? null : oneLine(String.join(",", entry.names())));
        field(message, Field.VERSION, entry.version().map(String::valueOf).orElse(null));
        field(message, Field.REQUEST_ID, oneLine(entry.requestId()));
        try {
            LOG.info(message);
        } finally {
            // Only records set these keys, so clearing all of them leaves the thread's context as it was.
            for (Field field : Field.ALL) {
                MDC.remove(field.key);
            }
        }
    }

    /** A field the record has: into the MDC and, as {@code key=value}, the message; an absent one ({@code null}) is left out. */
    private static void field(StringBuilder message, Field field, String value) {
        if (value != null) {
            MDC.put(field.key, value);
            message.append(message.isEmpty() ? "" : " ").append(field.key).append('=').append(value);
        }
    }

    /**
     * A user name comes from the user pool: its line breaks (any control character) must not start a forged record in a
     * plain-text log; each becomes {@code ?}.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = null; // made only for a text that needs it: almost every one is returned as it is
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                if (safe == null) {
                    safe = new StringBuilder(text);
                }
                safe.setCharAt(i, '?');
            }
        }
        return safe == null ? text : safe.toString();
    }
}
