package com.pulsevault.video;

import com.pulsevault.VaultException;

public class VideoNotFoundException extends VaultException {
    public VideoNotFoundException() {
        super("No such video");
    }
}
