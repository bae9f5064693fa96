package com.pulsevault.upload;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Resumable uploads as callers use them: only the uploading roles create them, and an upload answers
 * only to the subject that created it (anyone else is told it does not exist, and the attempt is
 * audited). The tus protocol stays in the HTTP layer; the bytes stay in the {@link UploadStore}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UploadService {

    @Inject
    UploadStore store;
    @Inject
    AuditTrail audit;
    @Inject
    Guard guard;

    public long maxSize() {
        return store.maxSize();
    }

    public UploadInfo create(Caller caller, Long length, UploadMetadata metadata) {
        guard.requireRole(caller, AccessRules.UPLOADING, AuditCategory.UPLOAD, "upload.create", null, null);
        UploadInfo info = store.create(length, metadata, caller.subject());
        audit.record(AuditCategory.UPLOAD, caller.entry("upload.create", null, info.id().value()).succeeded());
        return info;
    }

    /** @throws UploadNotFoundException also when the upload is someone else's */
    public UploadInfo get(Caller caller, UploadId id) {
        return owned(caller, id, "upload.head");
    }

    /** Writes one chunk of the caller's own upload; audits its completion. */
    public UploadInfo append(Caller caller, UploadId id, AppendRequest request) {
        owned(caller, id, "upload.patch");
        UploadInfo info = store.append(id, request);
        if (info.isComplete()) {
            audit.record(AuditCategory.UPLOAD, caller.entry("upload.complete", null, id.value()).succeeded());
        }
        return info;
    }

    public void terminate(Caller caller, UploadId id) {
        owned(caller, id, "upload.terminate");
        store.terminate(id);
        audit.record(AuditCategory.UPLOAD, caller.entry("upload.terminate", null, id.value()).succeeded());
    }

    private UploadInfo owned(Caller caller, UploadId id, String action) {
        guard.requireRole(caller, AccessRules.UPLOADING, AuditCategory.UPLOAD, action, null, id.value());
        requireOwner(caller, id, action);
        return store.get(id);
    }

    /** @throws UploadNotFoundException (audited) when the upload is not the caller's */
    void requireOwner(Caller caller, UploadId id, String action) {
        if (!AccessRules.mayUseUpload(caller, store.ownerOf(id))) {
            guard.denied(caller, AuditCategory.UPLOAD, action, null, id.value(), "not-owner");
            throw new UploadNotFoundException();
        }
    }
}
