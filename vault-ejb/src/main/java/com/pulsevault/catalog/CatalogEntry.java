package com.pulsevault.catalog;

import com.pulsevault.video.Video;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One video in the catalog index: what lists and filters need, copied from its meta.json (the source of
 * truth) at the version named here. Teams are kept as {@code |a|b|} so one column answers "shares a team";
 * tags the same way; words are looked for in one folded-case text column (a LIKE: the same on H2 and PostgreSQL).
 */
@Entity
@Table(name = "PV_CATALOG", indexes = @Index(name = "PV_CATALOG_NEWEST", columnList = "uploadedAt, videoId"))
public class CatalogEntry {

    static final int SEARCH_TEXT = 12000;

    @Id
    @Column(length = 36)
    private String videoId;
    /** The meta.json version copied ("version" is a keyword in some databases). */
    private long indexedVersion;
    @Column(length = 16, nullable = false)
    private String status;
    /** Microseconds since the epoch: the keyset order, with the id as tie-break. */
    private long uploadedAt;
    @Column(length = 255)
    private String owner;
    /** Up to 32 named teams of 128 characters, or every team of the uploader's token: room for ~120 long ones. */
    @Column(length = 16384, nullable = false)
    private String teams;
    @Column(length = 512)
    private String title;
    private double duration;
    private int renditions;
    @Column(length = 64)
    private String poster;
    /** Tags in {@link SearchTerms#fold folded} case, as {@code |a|b|}. */
    @Column(length = 8192, nullable = false)
    private String tags;
    /** Title, description and tags in folded case, for word search. */
    @Column(length = SEARCH_TEXT, nullable = false)
    private String searchText;

    protected CatalogEntry() {
    }

    static CatalogEntry of(Video video) {
        CatalogEntry e = new CatalogEntry();
        e.videoId = video.id().value();
        e.copy(video);
        return e;
    }

    /** Takes the video's state; false (nothing changed) when the index already has this version or a later one. */
    boolean copy(Video video) {
        if (video.version() <= indexedVersion && status != null) {
            return false;
        }
        indexedVersion = video.version();
        status = video.status().wire();
        uploadedAt = micros(video.createdAt());
        owner = video.owner();
        // a cut drops whole teams from the end (a partial name lacks its closing |): fewer see it listed, never more
        teams = cut("|" + String.join("|", video.teams().stream().sorted().toList()) + "|", 16384);
        title = titleOf(video);
        duration = video.duration();
        renditions = video.output() == null ? 0 : video.output().renditions().size();
        poster = video.output() == null ? null : video.output().poster();
        tags = cut("|" + String.join("|", video.tags().stream().map(SearchTerms::fold).toList()) + "|", 8192);
        String text = SearchTerms.fold(String.join("\n", title == null ? "" : title,
                video.description() == null ? "" : video.description(), String.join(" ", video.tags())));
        searchText = cut(text, SEARCH_TEXT); // after folding: a folded character can be longer ("İ")
        return true;
    }

    /** The record's title, else the {@code title} clients put in the free-form metadata before there was one. */
    static String titleOf(Video video) {
        if (video.title() != null) {
            return video.title();
        }
        return video.metadata().get("title") instanceof JsonString s ? truncate(s.getString()) : null;
    }

    private static String truncate(String s) {
        return cut(s, 512);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static long micros(Instant instant) {
        return instant == null ? 0 : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public String videoId() { return videoId; }
    public long version() { return indexedVersion; }
    public String status() { return status; }
    public Instant uploadedAt() { return Instant.EPOCH.plus(uploadedAt, ChronoUnit.MICROS); }
    long uploadedAtMicros() { return uploadedAt; }
    public String owner() { return owner; }
    public String title() { return title; }
    public double duration() { return duration; }
    public int renditions() { return renditions; }
    public String poster() { return poster; }
}
