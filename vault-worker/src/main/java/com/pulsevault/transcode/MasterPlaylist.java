package com.pulsevault.transcode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the variants back out of the HLS master playlist ffmpeg wrote. */
final class MasterPlaylist {

    private static final Pattern BANDWIDTH = Pattern.compile("[:,]BANDWIDTH=(\\d+)");
    private static final Pattern RESOLUTION = Pattern.compile("RESOLUTION=(\\d+)x(\\d+)");
    private static final Pattern CODECS = Pattern.compile("CODECS=\"([^\"]*)\"");

    private MasterPlaylist() {
    }

    /** Variants in playlist order, which is rung order; {@code prefix} is prepended to each playlist path. */
    static List<TranscodeResult.Rendition> variants(List<String> lines, List<Rung> rungs, String prefix) {
        List<TranscodeResult.Rendition> out = new ArrayList<>();
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            if (!line.startsWith("#EXT-X-STREAM-INF:")) {
                continue;
            }
            Matcher bw = BANDWIDTH.matcher(line);
            Matcher res = RESOLUTION.matcher(line);
            Matcher codecs = CODECS.matcher(line);
            if (!bw.find() || !res.find() || out.size() >= rungs.size()) {
                throw new IllegalStateException("unexpected master playlist line: " + line);
            }
            out.add(new TranscodeResult.Rendition(rungs.get(out.size()).name(), Integer.parseInt(res.group(1)),
                    Integer.parseInt(res.group(2)), Long.parseLong(bw.group(1)), codecs.find() ? codecs.group(1) : null,
                    prefix + lines.get(i + 1).trim()));
        }
        return out;
    }
}
