package com.pulsevault.queue;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import com.pulsevault.metadata.MetadataStore;
import com.pulsevault.video.VideoNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Map;

/** Transcode administration for hospital IT (the admin role): what waits, what failed, and doing it again. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TranscodeOperations {

    @Inject
    TranscodeQueue queue;
    @Inject
    AuditTrail audit;
    @Inject
    Guard guard;

    /** The queue as an operator sees it; raw JSON records keyed by video id. */
    public record Overview(long queueDepth, int waitingForRedis, Map<String, String> deadLetters, Map<String, String> failed) {
    }

    public Overview overview(Caller caller) {
        require(caller, "transcode.overview", null);
        return new Overview(queue.depth(), queue.waitingInOutbox(), queue.deadLetters(), queue.failures());
    }

    /** @throws VideoNotFoundException when the video has no dead letter */
    public void retryDeadLetter(Caller caller, String videoId) {
        require(caller, "transcode.retry-dead-letter", videoId);
        if (!MetadataStore.isVideoId(videoId) || !queue.retryDeadLetter(videoId)) {
            throw new VideoNotFoundException();
        }
        audit.record(AuditCategory.ADMIN, caller.entry("transcode.retry-dead-letter", videoId, null).succeeded());
    }

    /** @throws VideoNotFoundException for an unknown video */
    public void requeue(Caller caller, String videoId) {
        require(caller, "transcode.requeue", videoId);
        queue.requeue(videoId);
        audit.record(AuditCategory.ADMIN, caller.entry("transcode.requeue", videoId, null).succeeded());
    }

    private void require(Caller caller, String action, String videoId) {
        guard.requireRole(caller, AccessRules.OPERATIONS, AuditCategory.ADMIN, action,
                MetadataStore.isVideoId(videoId) ? videoId : null, null);
    }
}
