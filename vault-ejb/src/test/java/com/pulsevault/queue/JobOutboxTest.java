package com.pulsevault.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JobOutboxTest {

    @TempDir
    Path dir;

    @Test
    void jobsLeaveInTheOrderTheyCameAndOnlyOnce() throws Exception {
        JobOutbox outbox = new JobOutbox(dir);
        outbox.record(TranscodeJob.forVideo("v1", Instant.parse("2026-11-22T10:00:00Z")));
        outbox.record(TranscodeJob.forVideo("v2", Instant.parse("2026-11-22T10:00:01Z")));
        List<String> sent = new ArrayList<>();
        assertEquals(2, outbox.drainTo(job -> sent.add(job.videoId())));
        assertEquals(0, outbox.drainTo(job -> sent.add(job.videoId())));
        assertEquals(List.of("v1", "v2"), sent);
    }

    @Test
    void aJobStaysWhenRedisCannotTakeIt() throws Exception {
        JobOutbox outbox = new JobOutbox(dir);
        outbox.record(TranscodeJob.forVideo("v1", Instant.now()));
        assertThrows(IllegalStateException.class, () -> outbox.drainTo(job -> {
            throw new IllegalStateException("redis down");
        }));
        assertEquals(1, outbox.size());
        List<String> sent = new ArrayList<>();
        outbox.drainTo(job -> sent.add(job.videoId()));
        assertEquals(List.of("v1"), sent);
        assertEquals(0, outbox.size());
    }
}
