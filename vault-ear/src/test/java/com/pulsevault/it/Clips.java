package com.pulsevault.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short test clips made with the real ffmpeg, and ffprobe to look at what the vault produced. */
final class Clips {

    private Clips() {
    }

    /** A lavfi test pattern ({@code WxH}, seconds), with a sine tone unless {@code audio} is false. */
    static Path generate(Path dir, String name, String size, int seconds, boolean audio, String... extra) throws IOException {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=30"));
        if (audio) {
            cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        }
        cmd.addAll(List.of("-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        if (audio) {
            cmd.addAll(List.of("-c:a", "aac"));
        }
        cmd.addAll(Arrays.asList(extra));
        cmd.add(out.toString());
        run(cmd);
        return out;
    }

    /** A clip whose display matrix says "turn 90°", as a phone held upright writes it (set on a remux, as ffmpeg drops it when encoding). */
    static Path rotated(Path dir, String size) throws IOException {
        Path plain = generate(dir, "unrotated.mp4", size, 2, true);
        Path out = dir.resolve("rotated.mp4");
        run(List.of("ffmpeg", "-v", "error", "-y", "-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", out.toString()));
        return out;
    }

    static String ffprobe(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        cmd.addAll(Arrays.asList(args));
        return run(cmd);
    }

    static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }

    /** A faststart MP4 whose media data is cut off: ffprobe accepts it, every transcode attempt fails. */
    static Path truncated(Path dir) throws IOException {
        Path whole = generate(dir, "whole.mp4", "640x360", 2, false, "-movflags", "+faststart");
        byte[] bytes = Files.readAllBytes(whole);
        int mdat = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("mdat");
        Path cut = dir.resolve("truncated.mp4");
        Files.write(cut, Arrays.copyOf(bytes, mdat + 20));
        return cut;
    }
}
