package com.pulsevault.health;

import com.pulsevault.settings.VaultSettings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.TimeUnit;

/** A transcoding node is ready only when ffmpeg and ffprobe run; an API-only node does not need them. */
@Readiness
@Dependent
public class FfmpegReadinessCheck implements HealthCheck {

    @Inject
    HealthSettings settings;

    @Override
    public HealthCheckResponse call() {
        VaultSettings s = settings.get();
        var builder = HealthCheckResponse.named("ffmpeg");
        if (!s.transcodeEnabled()) {
            return builder.up().withData("transcoding", "disabled on this node").build();
        }
        boolean ffmpeg = runs(s.ffmpegPath());
        boolean ffprobe = runs(s.ffprobePath());
        return builder.status(ffmpeg && ffprobe).withData("ffmpeg", ffmpeg).withData("ffprobe", ffprobe).build();
    }

    private static boolean runs(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
