package com.pulsevault.catalog;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.audit.VideoHistory;
import com.pulsevault.health.CatalogIndexState;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import com.pulsevault.identity.Role;
import com.pulsevault.identity.ForbiddenException;
import com.pulsevault.video.VersionMismatchException;
import com.pulsevault.video.VersionRequiredException;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoDeletedException;
import com.pulsevault.video.VideoEdit;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoNotFoundException;
import com.pulsevault.video.VideoRepository;
import com.pulsevault.video.VideoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Finding videos: every answer holds only what the caller may see; whatever else is, for it, not there. */
@ApplicationScoped
public class Catalog {

    @Inject
    CatalogIndex index;
    @Inject
    VideoRepository videos;
    @Inject
    CatalogReconciler reconciler;
    @Inject
    CatalogIndexState state;
    @Inject
    Guard guard;
    @Inject
    AuditTrail audit;

    /** @throws com.pulsevault.identity.ForbiddenException without a media role */
    public CatalogPage list(Caller caller, VideoFilter filter) {
        guard.requireRole(caller, AccessRules.MEDIA, AuditCategory.ACCESS, "video.list", null, null);
        CatalogPage page = index.page(caller, filter);
        audit.record(AuditCategory.ACCESS, caller.entry("video.list", null, null).succeeded(page.items().size() + " videos"));
        return page;
    }

    /**
     * A list narrowed by words, tags and metadata values. The audit line counts the terms and the videos
     * found; it never holds a term (they can identify a patient).
     *
     * @throws com.pulsevault.identity.ForbiddenException without a media role
     */
    public CatalogPage search(Caller caller, VideoFilter filter) {
        guard.requireRole(caller, AccessRules.MEDIA, AuditCategory.ACCESS, "video.search", null, null);
        CatalogPage page = index.page(caller, filter);
        audit.record(AuditCategory.ACCESS, caller.entry("video.search", null, null)
                .succeeded(filter.terms().describe() + ": " + page.items().size() + " videos"));
        return page;
    }

    /**
     * The whole record of a video the caller may see, from meta.json (never a stale index copy).
     *
     * @throws VideoNotFoundException also when the caller may not see it (audited)
     */
    public Video get(Caller caller, String videoId) {
        Video video = get(caller, videoId, "video.get");
        audit.record(AuditCategory.ACCESS, caller.entry("video.get", videoId, null).succeeded());
        return video;
    }

    private Video get(Caller caller, String videoId, String action) {
        String ref = VideoId.isValid(videoId) ? videoId : null;
        guard.requireRole(caller, AccessRules.MEDIA, AuditCategory.ACCESS, action, ref, null);
        Video video = videos.get(new VideoId(videoId));
        if (!AccessRules.maySee(caller, video.owner(), video.teams())) {
            guard.denied(caller, AuditCategory.ACCESS, action, videoId, null, "not-visible");
            throw new VideoNotFoundException();
        }
        return video;
    }

    /**
     * Applies a merge patch to the video's record unless someone else edited it after {@code basedOn}.
     *
     * @param basedOn the version the caller read (its ETag), or null
     * @throws VersionRequiredException without {@code basedOn}; VersionMismatchException when someone changed the
     *         clinical fields or teams since (a transcode moving on does not count)
     * @throws com.pulsevault.identity.ForbiddenException for a caller who may see but not change it, or who
     *         shares it with teams it is not in
     * @throws VideoNotFoundException also when the caller may not see it (audited)
     */
    public Video update(Caller caller, String videoId, Long basedOn, JsonObject patch) {
        Video current = get(caller, videoId, "video.update");
        if (!AccessRules.mayEdit(caller, current.owner())) {
            guard.denied(caller, AuditCategory.ACCESS, "video.update", videoId, null, "forbidden: not the owner");
            throw new ForbiddenException(AccessRules.TRUSTED_APP, "Only the video's owner or a clinical-app may change it");
        }
        if (basedOn == null) {
            throw new VersionRequiredException();
        }
        AtomicReference<List<String>> changed = new AtomicReference<>(List.of());
        Video updated = videos.update(current.id(), video -> {
            if (video.status() == VideoStatus.DELETED) {
                throw new VideoDeletedException(); // said before any version check: no reread can help
            }
            if (video.editedSince(basedOn)) {
                throw new VersionMismatchException(video.version());
            }
            VideoEdit.Result edit = VideoEdit.apply(video, patch, Instant.now());
            if (edit.changed().contains("teams") && AccessRules.teamsFor(caller, edit.video().teams(), false) == null) {
                throw new ForbiddenException(AccessRules.TRUSTED_APP,
                        "A video can be shared only with teams you are in (a clinical-app may name any)");
            }
            changed.set(edit.changed());
            return edit.video();
        });
        audit.record(AuditCategory.ACCESS, caller.entry("video.update", videoId, null)
                .succeeded(changed.get().isEmpty() ? "no change" : String.join(",", changed.get())));
        return updated;
    }

    /**
     * Every audit event about the video (who uploaded, signed, watched, changed or deleted it), for its
     * owner, an auditor or an admin — the latter two need no media role. A tombstone has a history too.
     *
     * @throws VideoNotFoundException also when the caller may not see it (audited)
     * @throws ForbiddenException     for a caller who sees it but is not its owner, an auditor or an admin
     */
    public VideoHistory.Result history(Caller caller, String videoId) {
        String ref = VideoId.isValid(videoId) ? videoId : null;
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.ADMIN)) {
            guard.requireRole(caller, AccessRules.MEDIA, AuditCategory.ACCESS, "video.history", ref, null);
        }
        Video video = videos.get(new VideoId(videoId));
        if (!AccessRules.mayReadHistory(caller, video.owner())) {
            if (!AccessRules.maySee(caller, video.owner(), video.teams())) {
                guard.denied(caller, AuditCategory.ACCESS, "video.history", videoId, null, "not-visible");
                throw new VideoNotFoundException();
            }
            guard.denied(caller, AuditCategory.ACCESS, "video.history", videoId, null, "forbidden: not the owner");
            throw new ForbiddenException(EnumSet.of(Role.AUDITOR, Role.ADMIN), "The history is for the video's owner, or a caller with the role auditor or admin");
        }
        // from the upload's own start: a resumable upload may have begun days before its finalize
        Instant began = video.uploadStartedAt() != null ? video.uploadStartedAt() : video.createdAt();
        LocalDate from = began == null ? LocalDate.of(2000, 1, 1) : LocalDate.ofInstant(began, ZoneOffset.UTC);
        try {
            VideoHistory.Result history = audit.history(videoId, video.uploadId(), from.minusDays(1));
            audit.record(AuditCategory.ACCESS, caller.entry("video.history", videoId, null).succeeded(history.events().size() + " events"));
            return history;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws com.pulsevault.identity.ForbiddenException without the admin role */
    public void rebuild(Caller caller) {
        guard.requireRole(caller, AccessRules.OPERATIONS, AuditCategory.ADMIN, "catalog.rebuild", null, null);
        reconciler.rebuild();
        audit.record(AuditCategory.ADMIN, caller.entry("catalog.rebuild", null, null).succeeded());
    }

    /** @throws com.pulsevault.identity.ForbiddenException without the admin role */
    public void requireOperator(Caller caller) {
        guard.requireRole(caller, AccessRules.OPERATIONS, AuditCategory.ADMIN, "catalog.status", null, null);
    }

    public CatalogIndexState.Index state() {
        return state.get();
    }
}
