package com.pulsevault.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    static final LocalDate DAY1 = LocalDate.parse("2026-11-20");
    static final LocalDate DAY2 = DAY1.plusDays(1);
    static final LocalDate DAY3 = DAY1.plusDays(2);

    @TempDir
    Path dir;

    @Test
    void anUntouchedChainOverSeveralDaysVerifies() throws Exception {
        writeDays(3, DAY1, DAY2, DAY3);
        VerificationReport report = verify();
        assertTrue(report.ok(), report.toString());
        assertEquals(3, report.files());
        assertEquals(9, report.entries());
    }

    @Test
    void theFirstLineOfADayLinksToTheLastLineOfTheDayBefore() throws Exception {
        writeDays(2, DAY1, DAY3);
        String lastOfDay1 = lines(DAY1).get(1);
        String firstOfDay3 = lines(DAY3).get(0);
        assertTrue(firstOfDay3.contains("\"prevDay\":\"" + DAY1 + "\""));
        assertTrue(firstOfDay3.contains("\"prev\":\"" + AuditLine.parse(lastOfDay1).get("hash") + "\""));
    }

    @Test
    void anEditedLineIsReportedWhereItIs() throws Exception {
        writeDays(3, DAY1, DAY2);
        List<String> day2 = lines(DAY2);
        day2.set(1, day2.get(1).replace("upload.complete", "upload.delete"));
        rewrite(DAY2, day2);
        assertProblem("hash-mismatch", "upload-" + DAY2 + ".log", 2);
    }

    @Test
    void aDeletedLineIsReported() throws Exception {
        writeDays(3, DAY1);
        List<String> day1 = lines(DAY1);
        day1.remove(1);
        rewrite(DAY1, day1);
        assertProblem("broken-link", "upload-" + DAY1 + ".log", 2);
    }

    @Test
    void aDeletedFirstLineOfTheChainIsReported() throws Exception {
        writeDays(2, DAY1);
        List<String> day1 = lines(DAY1);
        day1.remove(0);
        rewrite(DAY1, day1);
        assertProblem("broken-link", "upload-" + DAY1 + ".log", 1);
    }

    @Test
    void aTruncatedTailIsReported() throws Exception {
        writeDays(2, DAY1);
        Path file = AuditFiles.file(dir, AuditCategory.UPLOAD, DAY1);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        assertProblem("truncated-tail", "upload-" + DAY1 + ".log", 2);
    }

    @Test
    void aMissingDayIsReported() throws Exception {
        writeDays(2, DAY1, DAY2, DAY3);
        Files.delete(AuditFiles.file(dir, AuditCategory.UPLOAD, DAY2));
        assertProblem("missing-day", "upload-" + DAY3 + ".log", 0);
    }

    @Test
    void aBrokenCrossDayLinkIsReported() throws Exception {
        writeDays(2, DAY1, DAY2);
        // the last line of day 1 is removed: day 1 is still a valid chain on its own, but day 2 no longer links to it
        List<String> day1 = lines(DAY1);
        day1.remove(1);
        rewrite(DAY1, day1);
        assertProblem("broken-cross-day-link", "upload-" + DAY2 + ".log", 1);
    }

    @Test
    void anAppendAfterATornWriteContinuesFromTheLastWholeLine() throws Exception {
        writeDays(2, DAY1);
        Path file = AuditFiles.file(dir, AuditCategory.UPLOAD, DAY1);
        Files.writeString(file, "{\"time\":\"2026-11-20T", java.nio.file.StandardOpenOption.APPEND);
        new AuditChain(dir, at(DAY1)).append(AuditCategory.UPLOAD, entry("upload.create"));
        assertTrue(verify().ok(), verify().toString());
    }

    @Test
    void concurrentAppendsStayOneUnbrokenChain() throws Exception {
        AuditChain chain = new AuditChain(dir, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            done.add(pool.submit(() -> chain.append(AuditCategory.UPLOAD, entry("upload.create"))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        VerificationReport report = verify();
        assertTrue(report.ok(), report.toString());
        assertEquals(200, report.entries());
    }

    @Test
    void theCommandLineReportsOkAndBreaksWithItsExitCode() throws Exception {
        writeDays(2, DAY1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, VerifyAuditCommand.run(new String[]{dir.toString(), "--category", "upload"}, new PrintStream(out), System.err));
        assertTrue(out.toString().startsWith("OK upload"), out.toString());
        List<String> day1 = lines(DAY1);
        day1.set(0, day1.get(0).replace("10.1.2.0", "10.1.3.0"));
        rewrite(DAY1, day1);
        out.reset();
        assertEquals(1, VerifyAuditCommand.run(new String[]{dir.toString()}, new PrintStream(out), System.err));
        assertTrue(out.toString().contains("hash-mismatch"), out.toString());
        assertEquals(2, VerifyAuditCommand.run(new String[]{dir.resolve("nope").toString()}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream())));
    }

    private void writeDays(int perDay, LocalDate... days) {
        for (LocalDate day : days) {
            AuditChain chain = new AuditChain(dir, at(day));
            for (int i = 0; i < perDay; i++) {
                chain.append(AuditCategory.UPLOAD, entry(i == 0 ? "upload.create" : "upload.complete"));
            }
        }
    }

    private static Clock at(LocalDate day) {
        return Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
    }

    private static AuditEntry entry(String action) {
        return AuditEntry.success(action, null, "0b0f6f2e-7d5b-4a55-8c1b-3f1e2d3c4b5a", "anonymous", "10.1.2.0");
    }

    private VerificationReport verify() throws Exception {
        return new AuditVerifier(dir).verify(AuditCategory.UPLOAD, DayRange.ALL);
    }

    private void assertProblem(String kind, String file, long line) throws Exception {
        VerificationReport report = verify();
        assertTrue(!report.ok(), "expected a " + kind);
        assertEquals(kind, report.problem().kind(), report.toString());
        assertEquals(file, report.problem().file(), report.toString());
        assertEquals(line, report.problem().line(), report.toString());
    }

    private List<String> lines(LocalDate day) throws Exception {
        return new ArrayList<>(Files.readAllLines(AuditFiles.file(dir, AuditCategory.UPLOAD, day)));
    }

    private void rewrite(LocalDate day, List<String> lines) throws Exception {
        Files.writeString(AuditFiles.file(dir, AuditCategory.UPLOAD, day), String.join("\n", lines) + "\n");
    }
}
