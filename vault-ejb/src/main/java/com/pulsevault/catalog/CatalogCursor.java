package com.pulsevault.catalog;

import com.pulsevault.video.VideoId;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended: the last item's upload time and id. The next page starts strictly after it in
 * the order (newest first, id as tie-break), so videos added meanwhile neither repeat nor shift items.
 */
public record CatalogCursor(long uploadedAtMicros, String videoId) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((uploadedAtMicros + ":" + videoId).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException for anything this did not make */
    public static CatalogCursor decode(String text) {
        if (text == null || text.length() > 128) {
            throw new IllegalArgumentException("invalid cursor");
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            String id = plain.substring(colon + 1);
            if (colon <= 0 || !VideoId.isValid(id)) {
                throw new IllegalArgumentException("invalid cursor");
            }
            return new CatalogCursor(Long.parseLong(plain.substring(0, colon)), id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor");
        }
    }
}
