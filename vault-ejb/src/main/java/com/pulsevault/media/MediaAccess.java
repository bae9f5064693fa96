package com.pulsevault.media;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import com.pulsevault.metadata.MetadataStore;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoRepository;
import com.pulsevault.video.VideoDeletedException;
import com.pulsevault.video.VideoNotFoundException;
import com.pulsevault.video.VideoStatus;
import com.pulsevault.metrics.VaultMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing media URLs and deciding, per request, whether a token grants a file. Every grant and every
 * denial is an {@code access} audit line with the video, the file and the outcome; never the token.
 */
@ApplicationScoped
public class MediaAccess {

    /** A playback session outlives its video by this much, for pauses and seeking. */
    static final Duration SESSION_MARGIN = Duration.ofMinutes(30);
    static final Duration SESSION_MAX = Duration.ofHours(12);

    @Inject
    VaultConfig config;
    @Inject
    AuditTrail audit;
    @Inject
    VaultMetrics metrics;
    @Inject
    Guard guard;
    @Inject
    VideoRepository videos;

    private MetadataStore metadata;

    @PostConstruct
    void init() {
        metadata = new MetadataStore(config.settings().videoDir());
    }

    /**
     * Signs a URL to one file (or, for a manifest, the whole ladder) of a video the caller may see; the
     * token names the caller as its signer.
     *
     * @param expiresIn requested lifetime in seconds, or null; capped by pulsevault.token.expiry-seconds
     * @throws com.pulsevault.identity.ForbiddenException without a media role (auditors and admins have none)
     * @throws VideoNotFoundException also for a video the caller may not see (audited)
     * @throws InvalidMediaPathException, MediaPath.NotServableException
     */
    public SignedMedia sign(Caller caller, String videoId, String path, Long expiresIn) {
        String videoRef = MetadataStore.isVideoId(videoId) ? videoId : null;
        guard.requireRole(caller, AccessRules.MEDIA, AuditCategory.ACCESS, "media.sign", videoRef, null);
        try {
            MediaPath.validate(path);
        } catch (MediaPath.NotServableException e) {
            throw new InvalidMediaPathException();
        }
        Video video = videos.get(new VideoId(videoId));
        if (!AccessRules.maySee(caller, video.owner(), video.teams())) {
            guard.denied(caller, AuditCategory.ACCESS, "media.sign", videoId, null, "not-visible");
            throw new VideoNotFoundException();
        }
        if (video.status() == VideoStatus.DELETED) {
            guard.denied(caller, AuditCategory.ACCESS, "media.sign", videoId, null, "deleted");
            throw new VideoDeletedException();
        }
        if (!MediaPath.DOCUMENTS.contains(path)) {
            try {
                MediaPath.resolve(metadata.directoryOf(videoId), path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long cap = config.settings().tokenExpirySeconds();
        long seconds = expiresIn == null ? cap : Math.max(1, Math.min(cap, expiresIn));
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the token holds whole seconds
        MediaToken token = new MediaToken(videoId, MediaPath.scopeFor(path), now, now.plusSeconds(seconds), caller.actor());
        audit.record(AuditCategory.ACCESS, caller.entry("media.sign", videoId, null).succeeded(path));
        return new SignedMedia(token.sign(config.hmacKey()), videoId, path, now, token.expiresAt());
    }

    /** Checks the token against the requested file; audits the outcome either way. */
    public MediaFile open(String token, String videoId, String path, String client) {
        try {
            MediaPath.validate(path);
        } catch (MediaPath.NotServableException e) {
            deny(videoId, client, "token", "not-servable");
            throw e;
        }
        MediaToken grant = grantFor(token, videoId, path, client);
        try {
            MediaFile file = new MediaFile(MediaPath.resolve(metadata.directoryOf(videoId), path), videoId, path,
                    MediaPath.contentType(path), grant);
            audit.record(AuditCategory.ACCESS, new AuditEntry("media.get", videoId, null, grant.signer(), client, "success", path));
            return file;
        } catch (MediaPath.NotServableException | VideoNotFoundException e) {
            deny(videoId, client, grant.signer(), "not-servable");
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Audits a read of a path under the signed media prefix that no signature can cover (dot segments, encodings). */
    public void refuseUnservable(String client) {
        deny(null, client, "token", "not-servable");
    }

    /**
     * {@code metadata} or {@code renditions} of a video for a viewer: what a player shows, never the
     * original filename, the uploader's user id or the upload's details.
     */
    public JsonObject document(String token, String videoId, String name, String client) {
        MediaToken grant = grantFor(token, videoId, name, client);
        try {
            Video video = videos.get(new VideoId(videoId));
            if (video.status() == VideoStatus.DELETED) {
                throw new VideoNotFoundException(); // a token signed before the deletion opens nothing after it
            }
            audit.record(AuditCategory.ACCESS, new AuditEntry("media.get", videoId, null, grant.signer(), client, "success", name));
            return "renditions".equals(name) ? ViewerDocuments.renditions(video) : ViewerDocuments.metadata(video);
        } catch (VideoNotFoundException e) {
            deny(videoId, client, grant.signer(), "not-servable");
            throw e;
        }
    }

    /**
     * The token's grant of {@code path}; a refusal is counted and audited, under the signer once the
     * token is known to be genuine (a URL used for another file is then still that person's attempt).
     */
    private MediaToken grantFor(String token, String videoId, String path, String client) {
        MediaToken grant;
        try {
            grant = MediaToken.verify(token, keys(), Instant.now());
        } catch (InvalidTokenException e) {
            refuse(videoId, client, "token", e);
            throw e;
        }
        if (!grant.covers(videoId, path)) {
            InvalidTokenException e = new InvalidTokenException(grant.videoId().equals(videoId) ? "out-of-scope" : "other-video");
            refuse(videoId, client, grant.signer(), e);
            throw e;
        }
        return grant;
    }

    /**
     * A token for the whole ladder that lasts as long as the video plays, issued when a manifest is served
     * with a signed URL. A manifest served with a session token keeps that session's end: a player that
     * reloads its manifest must not turn one signature into access for ever.
     */
    public String sessionToken(MediaFile manifest) {
        MediaToken grant = manifest.token();
        if (grant.isSession()) {
            return MediaToken.session(grant.videoId(), grant.issuedAt(), grant.expiresAt(), grant.signer()).sign(config.hmacKey());
        }
        Duration length = Duration.ofSeconds(Math.round(videos.get(new VideoId(manifest.videoId())).duration()));
        Instant now = Instant.now();
        return MediaToken.session(manifest.videoId(), now, now.plus(sessionLife(length)), grant.signer()).sign(config.hmacKey());
    }

    static Duration sessionLife(Duration videoLength) {
        Duration life = videoLength.plus(SESSION_MARGIN);
        return life.compareTo(SESSION_MAX) > 0 ? SESSION_MAX : life;
    }

    public String readManifest(MediaFile manifest) {
        try {
            return Files.readString(manifest.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        keys.add(config.hmacKey());
        config.previousHmacKey().ifPresent(keys::add);
        return keys;
    }

    private void refuse(String videoId, String client, String actor, InvalidTokenException e) {
        metrics.tokenRejected(e.reason());
        deny(videoId, client, actor, e.reason());
    }

    private void deny(String videoId, String client, String actor, String reason) {
        String id = MetadataStore.isVideoId(videoId) ? videoId : null; // a hostile id is not copied into the audit trail
        audit.record(AuditCategory.ACCESS, new AuditEntry("media.get", id, null, actor, client, "failure", reason));
    }
}
