package com.pulsevault.catalog;

import com.pulsevault.VaultException;

/** The catalog's database does not answer: lists and searches wait for it; uploads and playback do not. */
public class CatalogUnavailableException extends VaultException {
    public CatalogUnavailableException() {
        super("The catalog index is not reachable just now; try again shortly (uploads and playback are not affected)");
    }
}
