package com.pulsevault.transcode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Resolves {@code pulsevault.ffmpeg.path}-style settings: a path, or a bare name looked up on PATH. */
public final class Executables {

    private Executables() {
    }

    public static Path resolve(String setting) {
        if (setting.contains("/")) {
            return Path.of(setting);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        return Arrays.stream(path.split(":"))
                .map(dir -> Path.of(dir, setting))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of(setting));
    }
}
