package com.pulsevault.catalog;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoNotFoundException;
import com.pulsevault.video.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    CatalogState state;
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
     * The whole record of a video the caller may see, from meta.json (never a stale index copy).
     *
     * @throws VideoNotFoundException also when the caller may not see it (audited)
     */
    public Video get(Caller caller, String videoId) {
        String ref = VideoId.isValid(videoId) ? videoId : null;
        guard.requireRole(caller, AccessRules.MEDIA, AuditCategory.ACCESS, "video.get", ref, null);
        Video video = videos.get(new VideoId(videoId));
        if (!AccessRules.maySee(caller, video.owner(), video.teams())) {
            guard.denied(caller, AuditCategory.ACCESS, "video.get", videoId, null, "not-visible");
            throw new VideoNotFoundException();
        }
        audit.record(AuditCategory.ACCESS, caller.entry("video.get", videoId, null).succeeded());
        return video;
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

    public CatalogState.Index state() {
        return state.get();
    }
}
