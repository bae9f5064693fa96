package com.pulsevault.media;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Guard;
import com.pulsevault.metadata.MetadataStore;
import com.pulsevault.metadata.VideoOwnership;
import com.pulsevault.metadata.VideoNotFoundException;
import com.pulsevault.metrics.VaultMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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
        VideoOwnership ownership = VideoOwnership.of(metadata.read(videoId));
        if (!AccessRules.maySee(caller, ownership.owner(), ownership.teams())) {
            guard.denied(caller, AuditCategory.ACCESS, "media.sign", videoId, null, "not-visible");
            throw new VideoNotFoundException();
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
            MediaToken grant = MediaToken.verify(token, keys(), Instant.now());
            if (!grant.videoId().equals(videoId)) {
                throw new InvalidTokenException("other-video");
            }
            if (!grant.covers(videoId, path)) {
                throw new InvalidTokenException("out-of-scope");
            }
            MediaFile file = new MediaFile(MediaPath.resolve(metadata.directoryOf(videoId), path), videoId, path,
                    MediaPath.contentType(path), grant);
            audit.record(AuditCategory.ACCESS, new AuditEntry("media.get", videoId, null, grant.signer(), client, "success", path));
            return file;
        } catch (InvalidTokenException e) {
            reject(videoId, client, e);
            throw e;
        } catch (MediaPath.NotServableException | VideoNotFoundException e) {
            deny(videoId, client, "not-servable");
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code metadata} or {@code renditions} of a video for a viewer: what a player shows, never the
     * original filename, the uploader's user id or the upload's details.
     */
    public JsonObject document(String token, String videoId, String name, String client) {
        try {
            MediaToken grant = MediaToken.verify(token, keys(), Instant.now());
            if (!grant.covers(videoId, name)) {
                throw new InvalidTokenException(grant.videoId().equals(videoId) ? "out-of-scope" : "other-video");
            }
            JsonObject meta = metadata.read(videoId);
            audit.record(AuditCategory.ACCESS, new AuditEntry("media.get", videoId, null, grant.signer(), client, "success", name));
            return "renditions".equals(name) ? renditionsView(meta) : metadataView(meta);
        } catch (InvalidTokenException e) {
            reject(videoId, client, e);
            throw e;
        } catch (VideoNotFoundException e) {
            deny(videoId, client, "not-servable");
            throw e;
        }
    }

    private static JsonObject metadataView(JsonObject meta) {
        var view = Json.createObjectBuilder();
        for (String field : List.of("videoId", "status", "duration", "width", "height", "hls", "dash", "poster",
                "createdAt", "transcodedAt", "metadata")) {
            if (meta.containsKey(field)) {
                view.add(field, meta.get(field));
            }
        }
        if ("failed".equals(meta.getString("status", ""))) {
            FailureKind kind = FailureKind.of(meta.getString("failure", null), meta.getString("error", null));
            view.add("failure", Json.createObjectBuilder().add("code", kind.code()).add("message", kind.message()));
        }
        return view.build();
    }

    private static JsonObject renditionsView(JsonObject meta) {
        return Json.createObjectBuilder()
                .add("videoId", meta.getString("videoId"))
                .add("status", meta.getString("status", ""))
                .add("renditions", meta.containsKey("renditions") ? meta.getJsonArray("renditions") : JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    /** A token for the whole ladder that lasts as long as the video plays, issued when a manifest is served. */
    public String sessionToken(MediaFile manifest) {
        Duration length = Duration.ofSeconds(Math.round(duration(manifest.videoId())));
        Duration life = length.plus(SESSION_MARGIN);
        if (life.compareTo(SESSION_MAX) > 0) {
            life = SESSION_MAX;
        }
        Instant now = Instant.now();
        return new MediaToken(manifest.videoId(), MediaPath.STREAM_PREFIX, now, now.plus(life), manifest.token().signer())
                .sign(config.hmacKey());
    }

    public String readManifest(MediaFile manifest) {
        try {
            return Files.readString(manifest.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double duration(String videoId) {
        JsonObject meta = metadata.read(videoId);
        return meta.containsKey("duration") ? meta.getJsonNumber("duration").doubleValue() : 0;
    }

    private List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        keys.add(config.hmacKey());
        config.previousHmacKey().ifPresent(keys::add);
        return keys;
    }

    private void reject(String videoId, String client, InvalidTokenException e) {
        metrics.tokenRejected(e.reason());
        deny(videoId, client, e.reason());
    }

    private void deny(String videoId, String client, String reason) {
        String id = MetadataStore.isVideoId(videoId) ? videoId : null; // a hostile id is not copied into the audit trail
        audit.record(AuditCategory.ACCESS, new AuditEntry("media.get", id, null, "token", client, "failure", reason));
    }
}
