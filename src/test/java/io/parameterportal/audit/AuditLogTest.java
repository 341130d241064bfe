package io.parameterportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AuditRecords;

/** What one audit record holds, as fields and as a line, and what it leaves behind. */
class AuditLogTest {

    private final AuditLog audit = new AuditLog();

    @Test
    void aRecordNamesEveryFieldItHasAsFieldsAndInOrderInItsMessage() {
        try (AuditRecords records = AuditRecords.start()) {
            audit.write(new AuditLog.Entry(AuditLog.Event.REVEAL, AuditLog.Outcome.ALLOWED, "Olga Ops", "sub-1",
                    Optional.of("PortalOpsRole"), List.of("/portal/ops/api-key"), Optional.of(2L), "req-7"));

            AuditRecords.Entry record = records.entries().get(0);
            assertThat(record.fields()).containsOnly(entry("event", "reveal"), entry("outcome", "allowed"),
                    entry("user", "Olga Ops"), entry("sub", "sub-1"), entry("role", "PortalOpsRole"),
                    entry("names", "/portal/ops/api-key"), entry("version", "2"), entry("requestId", "req-7"));
            assertThat(record.message()).isEqualTo("event=reveal outcome=allowed user=Olga Ops sub=sub-1 role=PortalOpsRole "
                    + "names=/portal/ops/api-key version=2 requestId=req-7");
        }
    }

    @Test
    void fieldsARecordLacksAreLeftOutAndSeveralNamesAreJoinedByCommas() {
        try (AuditRecords records = AuditRecords.start()) {
            audit.write(new AuditLog.Entry(AuditLog.Event.SIGN_OUT, AuditLog.Outcome.DENIED, "Dee", "sub-2", Optional.empty(),
                    List.of(), Optional.empty(), "req-8"));
            audit.write(new AuditLog.Entry(AuditLog.Event.VIEW, AuditLog.Outcome.FAILED, "Dee", "sub-2", Optional.empty(),
                    List.of("fa-012-authenticated", "/portal/public"), Optional.empty(), "req-9"));

            assertThat(records.entries()).extracting(AuditRecords.Entry::message).containsExactly(
                    "event=sign-out outcome=denied user=Dee sub=sub-2 requestId=req-8",
                    "event=view outcome=failed user=Dee sub=sub-2 names=fa-012-authenticated,/portal/public requestId=req-9");
            assertThat(records.entries().get(0).fields()).doesNotContainKeys("role", "names", "version");
        }
    }

    @Test
    void aUserNameWithLineBreaksCannotForgeASecondRecordInAPlainTextLog() {
        try (AuditRecords records = AuditRecords.start()) {
            audit.write(new AuditLog.Entry(AuditLog.Event.VIEW, AuditLog.Outcome.ALLOWED,
                    "Mallory\r\nevent=reveal outcome=allowed\u0085\u0000", "sub\t3", Optional.of("Role\n"), List.of("/p"),
                    Optional.empty(), "req\u007f"));

            AuditRecords.Entry record = records.entries().get(0);
            assertThat(record.message()).doesNotContain("\n", "\r", "\u0085", "\u0000", "\t", "\u007f")
                    .startsWith("event=view outcome=allowed user=Mallory??event=reveal outcome=allowed?? sub=sub?3 role=Role? ")
                    .endsWith("requestId=req?");
            assertThat(record.fields()).containsEntry("user", "Mallory??event=reveal outcome=allowed??");
        }
    }

    @Test
    void aNameWithoutControlCharactersIsKeptAsItIsAndAMissingOneIsEmpty() {
        String name = "Zoë O'Brien-Łukasz 山田";
        assertThat(AuditLog.oneLine(name)).isSameAs(name);
        assertThat(AuditLog.oneLine(null)).isEmpty();
    }

    @Test
    void theRecordsFieldsDoNotStayInTheThreadsContextAfterwards() {
        try (AuditRecords records = AuditRecords.start()) {
            audit.write(new AuditLog.Entry(AuditLog.Event.HISTORY, AuditLog.Outcome.MISSING, "Dee", "sub-2", Optional.of("R"),
                    List.of("/p"), Optional.of(1L), "req-10"));

            assertThat(records.entries()).hasSize(1);
            assertThat(MDC.getMap()).doesNotContainKeys("event", "outcome", "user", "sub", "role", "names", "version", "requestId");
        }
    }
}
