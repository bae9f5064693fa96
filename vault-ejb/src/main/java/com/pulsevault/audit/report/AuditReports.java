package com.pulsevault.audit.report;

import com.pulsevault.audit.AuditCheckpoints;
import com.pulsevault.audit.Checkpoint;
import com.pulsevault.audit.CheckpointVerifier;
import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.audit.DayRange;
import com.pulsevault.audit.VerificationReport;

import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Verifying the audit trail, for auditors. Each verification is itself audited, with what it found. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditReports {

    @Inject
    AuditTrail audit;
    @Inject
    Guard guard;
    @Inject
    AuditCheckpoints checkpoints;

    public List<VerificationReport> verify(Caller caller, List<AuditCategory> categories, DayRange days) throws IOException {
        guard.requireRole(caller, AccessRules.AUDIT, AuditCategory.ADMIN, "audit.verify", null, null);
        List<VerificationReport> reports = new ArrayList<>();
        for (AuditCategory category : categories) {
            reports.add(audit.verify(category, days));
        }
        boolean ok = reports.stream().allMatch(VerificationReport::ok);
        AuditEntry entry = caller.entry("audit.verify", null, null);
        audit.record(AuditCategory.ADMIN, ok ? entry.succeeded() : entry.failed("a chain is broken"));
        return reports;
    }

    /** The chains against their signed checkpoints and the witness's copy; audited with what it found. */
    public List<CheckpointVerifier.Finding> verifyCheckpoints(Caller caller) throws IOException {
        guard.requireRole(caller, AccessRules.AUDIT, AuditCategory.ADMIN, "audit.verify-checkpoints", null, null);
        List<CheckpointVerifier.Finding> findings = checkpoints.verify();
        boolean ok = findings.stream().noneMatch(f -> f.severity() == CheckpointVerifier.Severity.BREAK);
        AuditEntry entry = caller.entry("audit.verify-checkpoints", null, null);
        audit.record(AuditCategory.ADMIN, ok ? entry.succeeded() : entry.failed(findings.size() + " finding(s)"));
        return findings;
    }

    /** The checkpoint lines from {@code from} on, for an outside monitor to keep (auditor role). */
    public List<String> checkpointLines(Caller caller, java.time.LocalDate from) throws IOException {
        guard.requireRole(caller, AccessRules.AUDIT, AuditCategory.ADMIN, "audit.checkpoints", null, null);
        return checkpoints.lines(from);
    }

    /** Writes a checkpoint now (admin): before a backup, or to close a gap after maintenance. */
    public Checkpoint checkpointNow(Caller caller) throws IOException {
        guard.requireRole(caller, AccessRules.OPERATIONS, AuditCategory.ADMIN, "audit.checkpoint", null, null);
        Checkpoint c = checkpoints.checkpoint();
        audit.record(AuditCategory.ADMIN, caller.entry("audit.checkpoint", null, null).succeeded("checkpoint " + c.seq()));
        return c;
    }
}
