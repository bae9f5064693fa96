package com.pulsevault.upload;

import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.metadata.MetadataStore;
import com.pulsevault.metadata.StaleMetadataException;
import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.queue.TranscodeQueue;
import com.pulsevault.storage.DurableFiles;
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

    private MetadataStore metadata;

    @PostConstruct
    void init() {
        metadata = new MetadataStore(config.settings().videoDir());
    }

    public FinalizeResult finalizeUpload(FinalizeRequest request, String client) {
        OriginalFileName.validate(request.filename());
        UploadId id = UploadId.parse(request.uploadId());
        String actor = audit.actorFor(request.userId());
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
            String videoId = info.videoId();
            if (metadata.exists(videoId)) {
                JsonObject stored = metadata.read(videoId);
                requireSameRequest(stored, request, info);
                return resultOf(stored); // finalized before: same answer again
            }
            Path dir = metadata.directoryOf(videoId);
            DurableFiles.createDirectoryDurably(dir);
            claim.moveContentTo(dir.resolve(info.originalFile()));
            // job and audit line go first: after a crash a retry repeats them (at least once) rather than lose them;
            // (a worker that still finds no meta.json treats the job as not ready and retries it later)
            queue.enqueue(videoId);
            audit.record(AuditCategory.UPLOAD, AuditEntry.success("upload.finalize", videoId, id.value(), actor, client));
            FinalizeResult result = resultOf(metadata.create(videoId, document(info, claim.sha256(), request)));
            queue.relayNow(); // only now: a worker must find meta.json when the job reaches it
            metrics.videoFinalized(info.length(), Duration.ofNanos(System.nanoTime() - started));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's name for the recording: the one finalize names, else the tus {@code filename} metadata. */
    private static String filename(FinalizeRequest request, UploadInfo info) {
        if (request.filename() != null) {
            return request.filename();
        }
        return OriginalFileName.fromUploadMetadata(UploadMetadata.parse(info.metadata()).values().get("filename"));
    }

    /** A repeated finalize is the same request again (a lost answer), or a conflicting second one. */
    private static void requireSameRequest(JsonObject stored, FinalizeRequest request, UploadInfo info) {
        JsonObject original = stored.getJsonObject("original");
        String storedName = original.containsKey("filename") ? original.getString("filename") : null;
        JsonObject storedMetadata = stored.containsKey("metadata") ? stored.getJsonObject("metadata") : JsonObject.EMPTY_JSON_OBJECT;
        if (!java.util.Objects.equals(storedName, filename(request, info)) || !storedMetadata.equals(request.metadata())) {
            throw new StaleMetadataException("the upload was already finalized with another filename or metadata");
        }
    }

    private static JsonObject document(UploadInfo info, String sha256, FinalizeRequest request) {
        String now = Instant.now().toString();
        JsonObjectBuilder original = Json.createObjectBuilder()
                .add("file", info.originalFile())
                .add("size", info.length())
                .add("sha256", sha256);
        String filename = filename(request, info);
        if (filename != null) {
            original.add("filename", filename);
        }
        JsonObjectBuilder uploadMetadata = Json.createObjectBuilder();
        UploadMetadata.parse(info.metadata()).values().forEach(uploadMetadata::add);
        JsonObjectBuilder doc = Json.createObjectBuilder()
                .add("schema", 1)
                .add("videoId", info.videoId())
                .add("status", "uploaded")
                .add("transcoding", "queued")
                .add("createdAt", now)
                .add("updatedAt", now)
                .add("original", original)
                .add("metadata", request.metadata())
                .add("upload", Json.createObjectBuilder()
                        .add("id", info.id().value())
                        .add("createdAt", info.createdAt().toString())
                        .add("metadata", uploadMetadata));
        if (request.userId() != null) {
            doc.add("userId", request.userId());
        }
        return doc.build();
    }

    private static FinalizeResult resultOf(JsonObject doc) {
        JsonObject original = doc.getJsonObject("original");
        return new FinalizeResult(doc.getString("videoId"), doc.getString("status"),
                original.getJsonNumber("size").longValue(), "sha256:" + original.getString("sha256"),
                doc.getString("transcoding"));
    }
}
