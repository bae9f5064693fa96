package com.pulsevault.config;

import com.pulsevault.settings.SettingsException;
import com.pulsevault.settings.VaultSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates the media root's directories at start and refuses a root the server cannot write to. */
public final class MediaDirectories {

    private MediaDirectories() {
    }

    public static void prepare(VaultSettings settings) {
        prepare(VaultSettings.MEDIA_ROOT, settings.mediaRoot());
        prepare(VaultSettings.UPLOAD_DIR, settings.uploadDir());
        prepare(VaultSettings.VIDEO_DIR, settings.videoDir());
        prepare(VaultSettings.AUDIT_DIR, settings.auditDir());
        prepare(VaultSettings.MEDIA_ROOT, settings.outboxDir());
    }

    private static void prepare(String property, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new SettingsException(property, "points to " + dir + ", which cannot be created: " + e, e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new SettingsException(property, "points to " + dir + ", which is not a writable directory");
        }
    }
}
