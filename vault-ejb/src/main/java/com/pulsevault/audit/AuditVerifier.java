package com.pulsevault.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks a category's daily files and reports the first break: a line whose hash does not match its
 * content (edited), a line whose {@code prev} is not the hash before it (deleted or reordered lines),
 * a torn last line, a day named by {@code prevDay} whose file is gone, or a day that does not link to
 * the last line of the day it names.
 */
public class AuditVerifier {

    private final Path dir;

    public AuditVerifier(Path dir) {
        this.dir = dir;
    }

    /** @param days the days to check; an open end means the oldest or the newest */
    public VerificationReport verify(AuditCategory category, DayRange days) throws IOException {
        TreeMap<LocalDate, Path> all = AuditFiles.days(dir, category);
        NavigableMap<LocalDate, Path> range = all;
        if (days.from() != null) {
            range = range.tailMap(days.from(), true);
        }
        if (days.to() != null) {
            range = range.headMap(days.to(), true);
        }
        int files = 0;
        long entries = 0;
        for (Map.Entry<LocalDate, Path> day : range.entrySet()) {
            files++;
            FileResult r = verifyFile(category, day.getValue(), all, day.getKey());
            entries += r.entries;
            if (r.problem != null) {
                return new VerificationReport(category, files, entries, r.problem);
            }
        }
        return new VerificationReport(category, files, entries, null);
    }

    private record FileResult(long entries, VerificationReport.Problem problem) {
    }

    private FileResult verifyFile(AuditCategory category, Path file, TreeMap<LocalDate, Path> all, LocalDate day)
            throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // text ends with "\n", so the last element is "" unless the file was cut mid-line
        String tail = lines[lines.length - 1];
        int whole = lines.length - 1;
        String prev = null;
        long n = 0;
        for (int k = 0; k < whole; k++) {
            n = k + 1;
            Map<String, String> fields;
            try {
                fields = AuditLine.parse(lines[k]);
            } catch (IllegalArgumentException e) {
                return new FileResult(k, problem(name, n, "unreadable-line", "not an audit line: " + e.getMessage()));
            }
            if (!category.fileName().equals(fields.get("category"))) {
                return new FileResult(k, problem(name, n, "unreadable-line", "line belongs to another category"));
            }
            if (k == 0) {
                VerificationReport.Problem link = checkDayLink(fields, all, day, name);
                if (link != null) {
                    return new FileResult(k, link);
                }
            } else if (!fields.get("prev").equals(prev)) {
                return new FileResult(k, problem(name, n, "broken-link",
                        "prev does not match the hash of line " + k + ": a line was removed, added or moved"));
            }
            String expected = AuditLine.hash(fields.get("prev"), AuditLine.canonical(fields));
            if (!expected.equals(fields.get("hash"))) {
                return new FileResult(k, problem(name, n, "hash-mismatch", "the line's content does not match its hash: it was changed"));
            }
            prev = fields.get("hash");
        }
        if (!tail.isEmpty()) {
            return new FileResult(whole, problem(name, whole + 1L, "truncated-tail",
                    "the file ends in an incomplete line (" + tail.length() + " characters)"));
        }
        return new FileResult(whole, null);
    }

    private VerificationReport.Problem checkDayLink(Map<String, String> first, TreeMap<LocalDate, Path> all,
                                                    LocalDate day, String name) throws IOException {
        String prevDay = first.get("prevDay");
        if (prevDay == null) {
            if (all.lowerKey(day) != null) {
                return problem(name, 1, "broken-cross-day-link", "the day does not link to the day before it, " + all.lowerKey(day));
            }
            if (!AuditLine.GENESIS.equals(first.get("prev"))) {
                return problem(name, 1, "broken-link", "the first line of the chain does not start from the genesis hash: lines before it were removed");
            }
            return null;
        }
        LocalDate named;
        try {
            named = LocalDate.parse(prevDay);
        } catch (RuntimeException e) {
            return problem(name, 1, "unreadable-line", "prevDay is not a date");
        }
        Path before = all.get(named);
        if (before == null) {
            return problem(name, 0, "missing-day", "the day links to " + prevDay + ", whose file is missing");
        }
        if (!named.equals(all.lowerKey(day))) {
            return problem(name, 1, "broken-cross-day-link", "the day links to " + prevDay + " but the day before it is " + all.lowerKey(day));
        }
        Optional<String> last = AuditFiles.lastLine(before);
        String lastHash;
        try {
            lastHash = last.map(l -> AuditLine.parse(l).get("hash")).orElse(null);
        } catch (IllegalArgumentException e) {
            lastHash = null;
        }
        if (!first.get("prev").equals(lastHash)) {
            return problem(name, 1, "broken-cross-day-link", "the first line does not link to the last line of " + prevDay);
        }
        return null;
    }

    private static VerificationReport.Problem problem(String file, long line, String kind, String message) {
        return new VerificationReport.Problem(file, line, kind, message);
    }
}
