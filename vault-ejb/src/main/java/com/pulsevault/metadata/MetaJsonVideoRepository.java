package com.pulsevault.metadata;

import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoJson;
import com.pulsevault.video.VideoNotFoundException;
import com.pulsevault.video.VideoRepository;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Videos as {@code videos/<videoId>/meta.json}, through {@link MetadataStore} (atomic, durable, versioned). */
public class MetaJsonVideoRepository implements VideoRepository {

    private final MetadataStore store;

    public MetaJsonVideoRepository(Path videoDir) {
        this.store = new MetadataStore(videoDir);
    }

    @Override
    public Video get(VideoId id) {
        return decode(id, store.read(id.value()));
    }

    @Override
    public Optional<Video> find(VideoId id) {
        try {
            return Optional.of(get(id));
        } catch (VideoNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Video create(Video video) {
        return decode(video.id(), store.create(video.id().value(), VideoJson.write(video)));
    }

    @Override
    public Video update(VideoId id, UnaryOperator<Video> change) {
        return decode(id, store.update(id.value(), doc -> VideoJson.write(change.apply(decode(id, doc)))));
    }

    private static Video decode(VideoId id, jakarta.json.JsonObject doc) {
        try {
            return VideoJson.read(doc);
        } catch (IllegalArgumentException e) {
            throw new CorruptMetadataException(id.value(), "meta.json is not a video record");
        }
    }
}
