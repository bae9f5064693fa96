package com.pulsevault.upload;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.ForbiddenException;
import com.pulsevault.identity.Guard;
import com.pulsevault.metadata.MetadataStore;
import com.pulsevault.metadata.StaleMetadataException;
import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.queue.TranscodeQueue;
import com.pulsevault.storage.DurableFiles;
import com.pulsevault.video.OriginalFile;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoDeletedException;
import com.pulsevault.video.VideoEdit;
import com.pulsevault.video.VideoStatus;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a complete upload into a video: {@code videos/<videoId>/original.<ext>} plus meta.json, an
 * audit line and a queued transcode job. Each step is durable before the next, and the video id is
 * recorded before anything moves, so a finalize interrupted by a crash (or repeated by a client that
 * lost the answer) completes the same video instead of making a second one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FinalizeService {

    private static final String ACTION = "upload.finalize";

    @Inject
    VaultConfig config;
    @Inject
    UploadStore uploads;
    @Inject
    AuditTrail audit;
    @Inject
    TranscodeQueue queue;
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
     * @throws com.pulsevault.identity.ForbiddenException without an uploading role, for on-behalf-of without
     *         the clinical-app role, or for teams the caller is not in
     * @throws UploadNotFoundException also when the upload is someone else's
     */
    public FinalizeResult finalizeUpload(Caller caller, FinalizeRequest request) {
        String uploadRef = UploadId.isCanonical(request.uploadId()) ? request.uploadId() : null;
        guard.requireRole(caller, AccessRules.UPLOADING, AuditCategory.UPLOAD, ACTION, null, uploadRef);
        OriginalFileName.validate(request.filename());
        VideoEdit.check(request.details()); // a bad title is refused before the upload is touched
        UploadId id = UploadId.parse(request.uploadId());
        if (!AccessRules.mayUseUpload(caller, uploads.ownerOf(id))) {
            guard.denied(caller, AuditCategory.UPLOAD, ACTION, null, id.value(), "not-owner");
            throw new UploadNotFoundException();
        }
        Ownership ownership = ownership(caller, request, id);
        long started = System.nanoTime();
        try (UploadStore.Claim claim = uploads.claim(id)) {
            UploadInfo info = claim.info();
            if (!info.isFinalized()) {
                if (info.isExpired(Instant.now())) {
                    throw new UploadExpiredException();
                }
                if (!info.isComplete()) {
                    throw new UploadIncompleteException();
                }
                if (info.length() == 0) {
                    throw new EmptyUploadException();
                }
                claim.sha256();
                info = claim.recordVideo(UUID.randomUUID().toString(), OriginalFileName.storedName(filename(request, info)));
            }
            VideoId videoId = new VideoId(info.videoId());
            Optional<Video> stored = videos.find(videoId);
            if (stored.isPresent()) {
                requireSameRequest(stored.get(), request, info, ownership);
                return resultOf(stored.get()); // finalized before: same answer again
            }
            Path dir = metadata.directoryOf(videoId.value());
            DurableFiles.createDirectoryDurably(dir);
            claim.moveContentTo(dir.resolve(info.originalFile()));
            // job and audit line go first: after a crash a retry repeats them (at least once) rather than lose them;
            // (a worker that still finds no meta.json treats the job as not ready and retries it later)
            queue.enqueue(videoId.value());
            AuditEntry entry = caller.entry(ACTION, videoId.value(), id.value()).succeeded();
            audit.record(AuditCategory.UPLOAD, request.onBehalfOf() == null ? entry
                    : entry.onBehalfOf(audit.actorFor(request.onBehalfOf())));
            FinalizeResult result = resultOf(videos.create(video(videoId, info, claim.sha256(), request, ownership, caller)));
            queue.relayNow(); // only now: a worker must find meta.json when the job reaches it
            metrics.videoFinalized(info.length(), Duration.ofNanos(System.nanoTime() - started));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who owns the new video and which teams see it. */
    private record Ownership(String owner, Set<String> teams) {
    }

    private Ownership ownership(Caller caller, FinalizeRequest request, UploadId id) {
        if (request.onBehalfOf() != null && !caller.hasAny(AccessRules.TRUSTED_APP)) {
            ForbiddenException refusal = new ForbiddenException(AccessRules.TRUSTED_APP,
                    "Only a clinical-app may finalize on behalf of someone else");
            guard.denied(caller, AuditCategory.UPLOAD, ACTION, null, id.value(), "forbidden: on-behalf-of needs clinical-app");
            throw refusal;
        }
        Set<String> teams = AccessRules.teamsFor(caller, request.teams(), request.onBehalfOf() != null);
        if (teams == null) {
            guard.denied(caller, AuditCategory.UPLOAD, ACTION, null, id.value(), "forbidden: teams the caller is not in");
            throw new ForbiddenException(AccessRules.TRUSTED_APP,
                    "A video can be shared only with teams you are in (a clinical-app may name any)");
        }
        return new Ownership(request.onBehalfOf() != null ? request.onBehalfOf() : caller.subject(), teams);
    }

    /** The client's name for the recording: the one finalize names, else the tus {@code filename} metadata. */
    private static String filename(FinalizeRequest request, UploadInfo info) {
        if (request.filename() != null) {
            return request.filename();
        }
        return OriginalFileName.fromUploadMetadata(UploadMetadata.parse(info.metadata()).values().get("filename"));
    }

    /** A repeated finalize is the same request again (a lost answer), or a conflicting second one. */
    private static void requireSameRequest(Video stored, FinalizeRequest request, UploadInfo info, Ownership ownership) {
        if (stored.status() == VideoStatus.DELETED) {
            throw new VideoDeletedException(); // finalized, then deleted: a retry does not bring it back
        }
        if (!Objects.equals(stored.original().filename(), filename(request, info)) || !stored.metadata().equals(request.metadata())) {
            throw new StaleMetadataException("the upload was already finalized with another filename or metadata");
        }
        // title, description and tags count only when named: they may have been edited (PATCH) since
        Video asked = VideoEdit.apply(stored, request.details(), stored.updatedAt()).video();
        if (!Objects.equals(asked.title(), stored.title()) || !Objects.equals(asked.description(), stored.description())
                || !asked.tags().equals(stored.tags())) {
            throw new StaleMetadataException("the upload was already finalized with another title, description or tags");
        }
        // teams count only when named: the caller's own (the default) may have changed since with a new token
        boolean otherTeams = request.teams() != null && !stored.teams().equals(ownership.teams());
        if (!Objects.equals(stored.owner(), ownership.owner()) || otherTeams) {
            throw new StaleMetadataException("the upload was already finalized for another owner or other teams");
        }
    }

    private static Video video(VideoId videoId, UploadInfo info, String sha256, FinalizeRequest request, Ownership ownership,
                               Caller caller) {
        JsonObjectBuilder uploadMetadata = Json.createObjectBuilder();
        UploadMetadata.parse(info.metadata()).values().forEach(uploadMetadata::add);
        JsonObject upload = Json.createObjectBuilder()
                .add("id", info.id().value())
                .add("createdAt", info.createdAt().toString())
                .add("metadata", uploadMetadata)
                .build();
        OriginalFile original = new OriginalFile(info.originalFile(), info.length(), sha256, filename(request, info));
        String finalizedBy = ownership.owner().equals(caller.subject()) ? null : caller.subject(); // the app that acted for the owner
        Instant now = Instant.now();
        Video video = Video.finalized(videoId, original, request.metadata(), upload, ownership.owner(), ownership.teams(), finalizedBy, now);
        return request.details().isEmpty() ? video : VideoEdit.apply(video, request.details(), now).video();
    }

    private static FinalizeResult resultOf(Video video) {
        return new FinalizeResult(video.id().value(), video.status().wire(), video.original().size(),
                "sha256:" + video.original().sha256(), video.transcoding().wire());
    }
}
