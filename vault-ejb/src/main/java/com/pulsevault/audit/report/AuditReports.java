package com.pulsevault.audit.report;

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
}
