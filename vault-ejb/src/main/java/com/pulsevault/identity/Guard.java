package com.pulsevault.identity;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** Applies the access rules for the domain services and audits every refusal. */
@ApplicationScoped
public class Guard {

    @Inject
    AuditTrail audit;

    /** @throws ForbiddenException, audited, unless the caller has one of {@code anyOf} */
    public void requireRole(Caller caller, Set<Role> anyOf, AuditCategory category, String action, String videoId,
                            String uploadId) {
        if (!caller.hasAny(anyOf)) {
            ForbiddenException refusal = new ForbiddenException(anyOf);
            denied(caller, category, action, videoId, uploadId, "forbidden: needs " + refusal.requiredRoles());
            throw refusal;
        }
    }

    /** Records a refusal that the caller is told about as "not found" (the thing is not its to see). */
    public void denied(Caller caller, AuditCategory category, String action, String videoId, String uploadId, String reason) {
        audit.record(category, caller.entry(action, videoId, uploadId).failed(reason));
    }
}
