package io.parameterportal.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Who looked at what: one record per view, reveal, history read, sign-in and sign-out, written to the log
 * category {@value #CATEGORY}. Its fields travel as the record's MDC, so that in prod's JSON log each is a
 * member of {@code mdc} ({@code mdc.event}, {@code mdc.outcome}, …) that a CloudWatch filter can match
 * (docs/audit.md); the message repeats them for a human reading the console. A record names parameters,
 * never a value, a token, a code or a cookie: no method here takes one.
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    /** The MDC keys of a record, in the order the message names them. */
    private static final List<String> FIELDS = List.of("event", "outcome", "user", "sub", "role", "names", "version", "requestId");

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
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("event", entry.event().wireName());
        fields.put("outcome", entry.outcome().wireName());
        fields.put("user", oneLine(entry.userName()));
        fields.put("sub", oneLine(entry.subject()));
        entry.role().ifPresent(role -> fields.put("role", oneLine(role)));
        if (!entry.names().isEmpty()) {
            // Parameter names never hold a comma (SSM allows a-zA-Z0-9_.-/ only).
            fields.put("names", oneLine(String.join(",", entry.names())));
        }
        entry.version().ifPresent(version -> fields.put("version", version.toString()));
        fields.put("requestId", oneLine(entry.requestId()));
        fields.forEach(MDC::put);
        try {
            StringBuilder message = new StringBuilder();
            FIELDS.stream().filter(fields::containsKey)
                    .forEach(key -> message.append(message.isEmpty() ? "" : " ").append(key).append('=').append(fields.get(key)));
            LOG.info(message);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    /** A user name comes from the user pool: its line breaks must not start a forged record in a plain-text log. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
