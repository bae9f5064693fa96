package com.pulsevault.media;

import com.pulsevault.VaultException;

/** A signing request for something that is never served (meta.json, a path outside the video, …). */
public class InvalidMediaPathException extends VaultException {
    public InvalidMediaPathException() {
        super("path must be one of stream/master.m3u8, stream/manifest.mpd, stream/<file>, poster.jpg, original.<ext>, metadata or renditions");
    }
}
