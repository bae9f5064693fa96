package com.pulsevault.catalog;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.ForbiddenException;
import com.pulsevault.identity.Guard;
import com.pulsevault.identity.Role;
import com.pulsevault.video.LegalHoldException;
import com.pulsevault.video.RetentionException;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoMedia;
import com.pulsevault.video.VideoNotFoundException;
import com.pulsevault.video.VideoRepository;
import com.pulsevault.video.VideoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Deleting a video, and the legal hold that prevents it. A deletion writes the tombstone first (durable),
 * then removes the media: a crash in between, or a file that cannot go yet (a transcode still writing),
 * leaves files the catalog's next pass removes, never a record that points at files that are gone.
 */
@ApplicationScoped
public class Deletions {

    private static final Logger LOG = Logger.getLogger(Deletions.class.getName());

    @Inject
    VideoRepository videos;
    @Inject
    VideoMedia media;
    @Inject
    CatalogReconciler reconciler;
    @Inject
    VaultConfig config;
    @Inject
    Guard guard;
    @Inject
    AuditTrail audit;

    /**
     * @throws VideoNotFoundException also when the caller may not see it (audited)
     * @throws ForbiddenException     for a caller who sees it but is neither its owner nor an admin
     * @throws LegalHoldException     while a hold is set; RetentionException within the retention period (audited)
     */
    public void delete(Caller caller, String videoId) {
        Video current = visible(caller, videoId, "video.delete");
        if (!AccessRules.mayDelete(caller, current.owner())) {
            guard.denied(caller, AuditCategory.ACCESS, "video.delete", videoId, null, "forbidden: not the owner");
            throw new ForbiddenException(EnumSet.of(Role.ADMIN), "Only the video's owner or an admin may delete it");
        }
        if (current.status() == VideoStatus.DELETED) {
            audit.record(AuditCategory.ACCESS, caller.entry("video.delete", videoId, null).succeeded("already deleted"));
            return; // DELETE is idempotent
        }
        try {
            videos.update(current.id(), v -> v.deleted(config.settings().minRetention(), Instant.now()));
        } catch (LegalHoldException | RetentionException e) {
            guard.denied(caller, AuditCategory.ACCESS, "video.delete", videoId, null, e instanceof LegalHoldException ? "legal-hold" : "retention");
            throw e;
        }
        // the deletion is done once the tombstone is durable: audited now, whatever the file removal does
        audit.record(AuditCategory.ACCESS, caller.entry("video.delete", videoId, null).succeeded());
        removeMedia(current.id());
    }

    /** Sets or lifts a legal hold (admin). */
    public Video legalHold(Caller caller, String videoId, boolean hold) {
        String action = hold ? "video.legal-hold.set" : "video.legal-hold.lift";
        guard.requireRole(caller, AccessRules.OPERATIONS, AuditCategory.ADMIN, action, VideoId.isValid(videoId) ? videoId : null, null);
        Video updated = videos.update(new VideoId(videoId), v -> v.withLegalHold(hold, Instant.now()));
        audit.record(AuditCategory.ADMIN, caller.entry(action, videoId, null).succeeded());
        return updated;
    }

    private void removeMedia(VideoId id) {
        try {
            media.remove(id);
        } catch (IOException | UncheckedIOException e) {
            // a transcode still writing, a busy file: the catalog's next pass (within seconds) removes the rest
            LOG.warning("video " + id + ": its media files could not all be removed yet (" + e.getClass().getSimpleName() + ")");
            reconciler.markBehind();
        }
    }

    /** An admin may delete any video; anyone else only one it may see. */
    private Video visible(Caller caller, String videoId, String action) {
        if (!caller.has(Role.ADMIN)) {
            guard.requireRole(caller, AccessRules.MEDIA, AuditCategory.ACCESS, action, VideoId.isValid(videoId) ? videoId : null, null);
        }
        Video video = videos.get(new VideoId(videoId));
        if (!caller.has(Role.ADMIN) && !AccessRules.maySee(caller, video.owner(), video.teams())) {
            guard.denied(caller, AuditCategory.ACCESS, action, videoId, null, "not-visible");
            throw new VideoNotFoundException();
        }
        return video;
    }
}
