package com.pulsevault.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every audit event about one video, from every chain, in time order, with whether each chain it came
 * from verifies over the same days. Reads the files directly: the chains are the record, and the history
 * must show what an auditor would find there.
 */
public class VideoHistory {

    /** One event as the chain holds it (its detail names fields, paths or counts, never clinical text). */
    public record Event(String time, AuditCategory category, String action, String actor, String app, String client,
                        String outcome, String detail, String onBehalfOf) {
    }

    /** The events, and for each chain they came from its verification over {@code days}. */
    public record Result(List<Event> events, Map<AuditCategory, VerificationReport> chains, DayRange days) {
    }

    private final Path dir;

    public VideoHistory(Path dir) {
        this.dir = dir;
    }

    /**
     * @param uploadId the upload the video came from (its events before finalize carry only that), or null
     * @param from     the first day to read (the video's upload day)
     */
    public Result of(String videoId, String uploadId, LocalDate from, LocalDate to) throws IOException {
        DayRange days = new DayRange(from, to);
        List<Event> events = new ArrayList<>();
        Map<AuditCategory, VerificationReport> chains = new EnumMap<>(AuditCategory.class);
        for (AuditCategory category : AuditCategory.values()) {
            boolean found = false;
            for (Map.Entry<LocalDate, Path> day : AuditFiles.days(dir, category).subMap(from, true, to, true).entrySet()) {
                found |= read(day.getValue(), videoId, uploadId, events);
            }
            if (found) {
                chains.put(category, new AuditVerifier(dir).verify(category, days));
            }
        }
        events.sort(Comparator.comparing(e -> java.time.Instant.parse(e.time()))); // as instants: "…00Z" is not before "…00.5Z" as text
        return new Result(List.copyOf(events), chains, days);
    }

    private static boolean read(Path file, String videoId, String uploadId, List<Event> into) throws IOException {
        boolean found = false;
        String byVideo = "\"videoId\":\"" + videoId + "\"";
        String byUpload = uploadId == null ? null : "\"uploadId\":\"" + uploadId + "\"";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.contains(byVideo) && (byUpload == null || !line.contains(byUpload))) {
                    continue; // most lines are about other videos: skip them before parsing
                }
                Map<String, String> f;
                try {
                    f = AuditLine.parse(line);
                } catch (IllegalArgumentException damaged) {
                    continue; // the chain's verification reports it
                }
                if (videoId.equals(f.get("videoId")) || (uploadId != null && uploadId.equals(f.get("uploadId")))) {
                    into.add(new Event(f.get("time"), AuditCategory.of(f.get("category")), f.get("action"), f.get("actor"),
                            f.get("app"), f.get("client"), f.get("outcome"), f.get("detail"), f.get("onBehalfOf")));
                    found = true;
                }
            }
        }
        return found;
    }
}
