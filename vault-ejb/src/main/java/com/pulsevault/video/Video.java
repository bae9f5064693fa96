package com.pulsevault.video;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record of one video, as meta.json keeps it: who owns it and which teams see it, what the clinician
 * wrote about it, the original file, and what transcoding made of it. Immutable: each change is a method
 * that returns the next state, and a state no method leads to cannot be made. The {@code version} is the
 * stored document's, for optimistic writes ({@link VideoRepository#update}).
 */
public final class Video {

    final VideoId id;
    final long version;
    /** The version whose write last changed what the clinician says (title … teams); 0: none since finalize. */
    final long editedVersion;
    final VideoStatus status;
    final TranscodeState transcoding;
    final Instant createdAt;
    final Instant updatedAt;
    final OriginalFile original;
    final String title;
    final String description;
    final List<String> tags;
    final JsonObject metadata;
    final JsonObject upload;
    final String owner;
    final Set<String> teams;
    final String finalizedBy;
    final Integer attempt;
    final String error;
    final String lastError;
    final String failure;
    final TranscodeOutput output;
    final Instant transcodedAt;
    final boolean legalHold;
    final Instant deletedAt;
    /** Fields this version does not know (written by a newer one): kept as they are. */
    final JsonObject extra;

    Video(Draft d) {
        id = d.id;
        version = d.version;
        editedVersion = d.editedVersion;
        status = d.status;
        transcoding = d.transcoding;
        createdAt = d.createdAt;
        updatedAt = d.updatedAt;
        original = d.original;
        title = d.title;
        description = d.description;
        tags = List.copyOf(d.tags);
        metadata = d.metadata;
        upload = d.upload;
        owner = d.owner;
        teams = Set.copyOf(new TreeSet<>(d.teams));
        finalizedBy = d.finalizedBy;
        attempt = d.attempt;
        error = d.error;
        lastError = d.lastError;
        failure = d.failure;
        output = d.output;
        transcodedAt = d.transcodedAt;
        legalHold = d.legalHold;
        deletedAt = d.deletedAt;
        extra = d.extra;
    }

    /**
     * A complete upload turned into a video: {@code uploaded}, its transcode {@code queued}.
     *
     * @param upload      where it came from (the upload's id, creation time and tus metadata)
     * @param finalizedBy the clinical app that finalized it for {@code owner}, or null
     */
    public static Video finalized(VideoId id, OriginalFile original, JsonObject metadata, JsonObject upload, String owner,
                                  Set<String> teams, String finalizedBy, Instant now) {
        Draft d = new Draft();
        d.id = id;
        d.status = VideoStatus.UPLOADED;
        d.transcoding = TranscodeState.QUEUED;
        d.createdAt = now;
        d.updatedAt = now;
        d.original = original;
        d.metadata = metadata;
        d.upload = upload;
        d.owner = owner;
        d.teams = teams;
        d.finalizedBy = finalizedBy;
        return new Video(d);
    }

    /** Queued to be transcoded again (new settings, a failed attempt): earlier errors are forgotten. */
    public Video queuedAgain(Instant now) {
        Draft d = change(now);
        d.status = VideoStatus.QUEUED;
        d.transcoding = TranscodeState.QUEUED;
        d.error = null;
        d.lastError = null;
        d.failure = null;
        return new Video(d);
    }

    /** A worker took the job: {@code attempt} counts from 1. */
    public Video transcodingStarted(int attempt, Instant now) {
        Draft d = change(now);
        d.status = VideoStatus.TRANSCODING;
        d.transcoding = TranscodeState.RUNNING;
        d.attempt = attempt;
        return new Video(d);
    }

    /** An attempt failed and another is scheduled; the status stays what it was. */
    public Video retrying(String reason, Instant now) {
        Draft d = change(now);
        d.transcoding = TranscodeState.RETRYING;
        d.lastError = reason;
        return new Video(d);
    }

    public Video transcoded(TranscodeOutput output, Instant now) {
        Draft d = change(now);
        d.status = VideoStatus.TRANSCODED;
        d.transcoding = TranscodeState.DONE;
        d.output = output;
        d.transcodedAt = now;
        d.error = null;
        d.lastError = null;
        d.failure = null;
        return new Video(d);
    }

    /** @param reason for operators (may name ffmpeg's complaint); viewers see only the {@link FailureKind} */
    public Video failed(String reason, FailureKind kind, Instant now) {
        Draft d = change(now);
        d.status = VideoStatus.FAILED;
        d.transcoding = TranscodeState.FAILED;
        d.error = reason;
        d.failure = kind.code();
        return new Video(d);
    }

    /** What the clinician says about it, and who sees it; see {@link VideoEdit} for the rules. */
    Video edited(String title, String description, List<String> tags, JsonObject metadata, Set<String> teams, Instant now) {
        Draft d = change(now);
        d.title = title;
        d.description = description;
        d.tags = tags;
        d.metadata = metadata;
        d.teams = teams;
        d.editedVersion = version + 1; // the version the store gives this write
        return new Video(d);
    }

    /**
     * Whether an edit based on {@code basedOn} would overwrite another's: someone changed what the clinician
     * says since then. A transcode moving on is not such a change, so a clinician editing while the worker
     * runs is not told someone else saved first.
     */
    public boolean editedSince(long basedOn) {
        return basedOn > version || basedOn < editedVersion || basedOn < 0;
    }

    /** An admin sets or lifts a legal hold: while it is set the video cannot be deleted. */
    public Video withLegalHold(boolean hold, Instant now) {
        Draft d = change(now);
        d.legalHold = hold;
        return new Video(d);
    }

    /**
     * The tombstone of a deleted video: its id, owner, teams and times stay so the audit history still
     * resolves (and the upload's id); everything the clinician or the upload said (title … metadata, file name, checksum,
     * transcode errors) and every reference to a media file is gone. The caller removes the files.
     *
     * @param minRetention how long after its upload a video is kept whatever is asked
     * @throws LegalHoldException while a hold is set; RetentionException within the retention period
     */
    public Video deleted(Duration minRetention, Instant now) {
        if (legalHold) {
            throw new LegalHoldException();
        }
        Instant keepUntil = createdAt == null ? null : createdAt.plus(minRetention);
        if (keepUntil != null && now.isBefore(keepUntil)) {
            throw new RetentionException(keepUntil);
        }
        Draft d = change(now);
        d.status = VideoStatus.DELETED;
        d.transcoding = null;
        d.original = null;
        d.title = null;
        d.description = null;
        d.tags = List.of();
        d.metadata = JsonObject.EMPTY_JSON_OBJECT;
        d.upload = uploadReference(); // the audit history still finds the upload's own events
        d.attempt = null;
        d.error = null;
        d.lastError = null;
        d.failure = null;
        d.output = null;
        d.transcodedAt = null;
        d.extra = JsonObject.EMPTY_JSON_OBJECT;
        d.deletedAt = now;
        d.editedVersion = version + 1;
        return new Video(d);
    }

    /** Which upload it came from and when, without what the client said about it (the tus metadata). */
    private JsonObject uploadReference() {
        if (upload == null || !(upload.get("id") instanceof jakarta.json.JsonString id)) {
            return null;
        }
        var b = jakarta.json.Json.createObjectBuilder().add("id", id);
        if (upload.get("createdAt") instanceof jakarta.json.JsonString created) {
            b.add("createdAt", created);
        }
        return b.build();
    }

    /** When the upload it came from was created, or null for a record that does not say. */
    public Instant uploadStartedAt() {
        try {
            return upload != null && upload.get("createdAt") instanceof jakarta.json.JsonString t ? Instant.parse(t.getString()) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The upload this video was finalized from, or null for a record that does not say. */
    public String uploadId() {
        return upload != null && upload.get("id") instanceof jakarta.json.JsonString id ? id.getString() : null;
    }

    private Draft change(Instant now) {
        if (status == VideoStatus.DELETED) {
            throw new VideoDeletedException();
        }
        Draft d = new Draft(this);
        d.updatedAt = now;
        return d;
    }

    public VideoId id() { return id; }
    public long version() { return version; }
    public VideoStatus status() { return status; }
    public TranscodeState transcoding() { return transcoding; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public OriginalFile original() { return original; }
    public String title() { return title; }
    public String description() { return description; }
    public List<String> tags() { return tags; }
    /** The clinician's free-form metadata (may identify a patient: never in a log). */
    public JsonObject metadata() { return metadata; }
    public JsonObject upload() { return upload; }
    /** The owner's subject, or null for a video from before owners were kept (only clinical apps see it). */
    public String owner() { return owner; }
    public Set<String> teams() { return teams; }
    public String finalizedBy() { return finalizedBy; }
    /** The detailed reason of a failure, for operators. */
    public String error() { return error; }
    /** The output of a finished transcode, or null. */
    public TranscodeOutput output() { return output; }
    public Instant transcodedAt() { return transcodedAt; }
    public boolean legalHold() { return legalHold; }
    public Instant deletedAt() { return deletedAt; }

    /** Why viewers cannot play it, when it failed; null otherwise. */
    public FailureKind failureKind() {
        return status == VideoStatus.FAILED ? FailureKind.of(failure, error) : null;
    }

    public double duration() {
        return output == null ? 0 : output.duration();
    }

    /** Prints the id and state only: the rest can identify a patient. */
    @Override
    public String toString() {
        return "Video[" + id + ", " + status.wire() + ", v" + version + "]";
    }

    /** A video's fields while a change is made; only this package builds videos from it. */
    static final class Draft {
        VideoId id;
        long version;
        long editedVersion;
        VideoStatus status;
        TranscodeState transcoding;
        Instant createdAt;
        Instant updatedAt;
        OriginalFile original;
        String title;
        String description;
        List<String> tags = List.of();
        JsonObject metadata = JsonObject.EMPTY_JSON_OBJECT;
        JsonObject upload;
        String owner;
        Set<String> teams = Set.of();
        String finalizedBy;
        Integer attempt;
        String error;
        String lastError;
        String failure;
        TranscodeOutput output;
        Instant transcodedAt;
        boolean legalHold;
        Instant deletedAt;
        JsonObject extra = JsonObject.EMPTY_JSON_OBJECT;

        Draft() {
        }

        Draft(Video v) {
            id = v.id;
            version = v.version;
            editedVersion = v.editedVersion;
            status = v.status;
            transcoding = v.transcoding;
            createdAt = v.createdAt;
            updatedAt = v.updatedAt;
            original = v.original;
            title = v.title;
            description = v.description;
            tags = v.tags;
            metadata = v.metadata;
            upload = v.upload;
            owner = v.owner;
            teams = v.teams;
            finalizedBy = v.finalizedBy;
            attempt = v.attempt;
            error = v.error;
            lastError = v.lastError;
            failure = v.failure;
            output = v.output;
            transcodedAt = v.transcodedAt;
            legalHold = v.legalHold;
            deletedAt = v.deletedAt;
            extra = v.extra;
        }
    }
}
