package com.pulsevault.transcode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one ffmpeg command that decodes the original once and encodes every rung: a split filter feeds
 * one scaler per rung; keyframes are forced onto segment boundaries; the {@code dash} muxer writes one
 * set of fMP4 (CMAF) segments behind both {@code manifest.mpd} and an HLS {@code master.m3u8}.
 */
public final class LadderCommand {

    public static final String MPD = "manifest.mpd";
    public static final String MASTER = "master.m3u8";

    private LadderCommand() {
    }

    /**
     * Arguments after the executable (Jaffree adds the log level and -y). Never {@code -nostdin}: Jaffree
     * stops ffmpeg (time limit, undeploy) by typing "qq" on its standard input.
     */
    public static List<String> arguments(Path original, MediaProbe probe, List<Rung> rungs, int segmentSeconds,
                                         int threads, Path outputDir) {
        List<String> a = new ArrayList<>(List.of(
                "-protocol_whitelist", "file",
                "-format_whitelist", Prober.FORMAT_WHITELIST,
                "-i", original.toString()));
        StringBuilder graph = new StringBuilder("[0:v]split=" + rungs.size());
        for (int i = 0; i < rungs.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < rungs.size(); i++) {
            int side = rungs.get(i).shortSide();
            // frames arrive upright (ffmpeg applies the rotation on decode): scale the short side
            String scale = probe.isPortrait() ? "scale=" + side + ":-2" : "scale=-2:" + side;
            graph.append(";[s").append(i).append(']').append(scale).append("[v").append(i).append(']');
        }
        a.addAll(List.of("-filter_complex", graph.toString()));
        for (int i = 0; i < rungs.size(); i++) {
            a.addAll(List.of("-map", "[v" + i + "]"));
        }
        if (probe.hasAudio()) {
            a.addAll(List.of("-map", "0:a:0"));
        }
        a.addAll(List.of(
                "-map_metadata", "-1", "-map_chapters", "-1", // the phone's title, GPS and the like stay out
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-force_key_frames", "expr:gte(t,n_forced*" + segmentSeconds + ")", "-sc_threshold", "0"));
        for (int i = 0; i < rungs.size(); i++) {
            int kbps = rungs.get(i).videoKbps();
            a.addAll(List.of("-b:v:" + i, kbps + "k", "-maxrate:v:" + i, (kbps * 11 / 10) + "k", "-bufsize:v:" + i, (kbps * 2) + "k"));
        }
        if (probe.hasAudio()) {
            a.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        }
        if (threads > 0) {
            a.addAll(List.of("-threads", String.valueOf(threads)));
        }
        a.addAll(List.of(
                "-f", "dash",
                "-seg_duration", String.valueOf(segmentSeconds),
                "-use_template", "1", "-use_timeline", "1",
                "-hls_playlist", "1",
                "-adaptation_sets", probe.hasAudio() ? "id=0,streams=v id=1,streams=a" : "id=0,streams=v",
                "-init_seg_name", "init-$RepresentationID$.m4s",
                "-media_seg_name", "chunk-$RepresentationID$-$Number%05d$.m4s",
                outputDir.resolve(MPD).toString()));
        return a;
    }

    /** A poster frame from a moment inside the video, upright, at most 720 pixels tall. */
    public static List<String> posterArguments(Path original, double durationSeconds, Path poster) {
        double at = Math.min(1.0, durationSeconds / 2);
        return List.of("-protocol_whitelist", "file", "-format_whitelist", Prober.FORMAT_WHITELIST,
                "-ss", String.format(java.util.Locale.ROOT, "%.3f", at), "-i", original.toString(),
                "-frames:v", "1", "-vf", "scale=-2:'min(720,ih)'", "-map_metadata", "-1", "-q:v", "3", poster.toString());
    }
}
