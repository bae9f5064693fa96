package com.pulsevault.catalog;

import com.pulsevault.video.Video;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One key of a video's free-form metadata with a scalar value, in the catalog index, so a search for an
 * exact value ("encounter": "E-1234") is an index lookup. Objects, arrays, and keys or values past the
 * limits are not indexed (a search cannot match them).
 */
@Entity
@IdClass(CatalogMetadata.Key.class)
@Table(name = "PV_CATALOG_META", indexes = @Index(name = "PV_CATALOG_META_VALUE", columnList = "metaKey, metaValue"))
public class CatalogMetadata {

    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 512;

    @Id
    @Column(length = 36)
    private String videoId;
    @Id
    @Column(length = MAX_KEY)
    private String metaKey;
    @Column(length = MAX_VALUE, nullable = false)
    private String metaValue;

    protected CatalogMetadata() {
    }

    /** The indexable keys of the video's metadata. */
    static List<CatalogMetadata> of(Video video) {
        List<CatalogMetadata> rows = new ArrayList<>();
        video.metadata().forEach((key, value) -> {
            String text = scalar(value);
            if (text != null && key.length() <= MAX_KEY && text.length() <= MAX_VALUE) {
                CatalogMetadata m = new CatalogMetadata();
                m.videoId = video.id().value();
                m.metaKey = key;
                m.metaValue = text;
                rows.add(m);
            }
        });
        return rows;
    }

    /** A string as it is; a number or boolean as JSON writes it; null for anything else. */
    static String scalar(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        return null;
    }

    /** The composite primary key (video, key). */
    public static class Key implements Serializable {
        private String videoId;
        private String metaKey;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(videoId, k.videoId) && Objects.equals(metaKey, k.metaKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(videoId, metaKey);
        }
    }
}
