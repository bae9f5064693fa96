package com.pulsevault.transcode;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.StreamType;
import com.github.kokorin.jaffree.ffprobe.FFprobe;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.SideData;
import com.github.kokorin.jaffree.ffprobe.Stream;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Uploads are hostile: ffprobe reads only local files and only real audio/video container formats,
 * so a playlist (HLS, concat) disguised as a video cannot make it open anything else.
 */
public class Prober {

    /** Container demuxers ffprobe and ffmpeg may use on an original; no playlist or concat demuxer. */
    public static final String FORMAT_WHITELIST = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mpeg,flv,asf";

    private final Path ffprobe;

    public Prober(Path ffprobe) {
        this.ffprobe = ffprobe;
    }

    public MediaProbe probe(Path original) {
        FFprobeResult result;
        try {
            result = new FFprobe(ffprobe)
                    .addArguments("-protocol_whitelist", "file")
                    .addArguments("-format_whitelist", FORMAT_WHITELIST)
                    .setLogLevel(LogLevel.ERROR)
                    .setShowFormat(true)
                    .setShowStreams(true)
                    .setInput(original)
                    .execute();
        } catch (RuntimeException e) {
            throw new UnsupportedMediaException("ffprobe cannot read it as audio/video");
        }
        if (result.getFormat() == null || result.getStreams() == null) {
            throw new UnsupportedMediaException("no container found");
        }
        List<Stream> streams = result.getStreams();
        Stream video = streams.stream()
                .filter(s -> s.getCodecType() == StreamType.VIDEO && s.getWidth() != null && s.getWidth() > 0)
                .findFirst()
                .orElseThrow(() -> new UnsupportedMediaException("no video stream"));
        boolean audio = streams.stream().anyMatch(s -> s.getCodecType() == StreamType.AUDIO);
        int rotation = rotation(video);
        boolean sideways = Math.abs(rotation) % 180 == 90;
        int width = sideways ? video.getHeight() : video.getWidth();
        int height = sideways ? video.getWidth() : video.getHeight();
        Float duration = result.getFormat().getDuration();
        return new MediaProbe(result.getFormat().getFormatName(), duration == null ? 0 : duration, width, height, audio);
    }

    private static int rotation(Stream video) {
        List<SideData> sideData = video.getSideDataList();
        if (sideData == null) {
            return 0;
        }
        return sideData.stream().map(SideData::getRotation).filter(Objects::nonNull).findFirst().orElse(0);
    }
}
