package com.pulsevault.video;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where video records are kept. The meta.json files are the source of truth (one per video, atomic,
 * durable, checksummed); an index or a cache is built from them, never the other way round.
 */
public interface VideoRepository {

    /** @throws VideoNotFoundException when there is none (or the id is malformed) */
    Video get(VideoId id);

    Optional<Video> find(VideoId id);

    /**
     * Stores a new video (version 1), durable before it returns.
     *
     * @throws com.pulsevault.metadata.StaleMetadataException when the video exists already
     */
    Video create(Video video);

    /**
     * Reads, changes and writes the video, again when another writer (thread or process) got in between,
     * so no change is lost; durable before it returns.
     *
     * @throws VideoNotFoundException when there is none
     */
    Video update(VideoId id, UnaryOperator<Video> change);
}
