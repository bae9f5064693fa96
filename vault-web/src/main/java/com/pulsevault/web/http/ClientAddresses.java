package com.pulsevault.web.http;

import com.pulsevault.audit.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;

/** The client's anonymised address for the audit trail. */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String anonymised(HttpServletRequest request, boolean trustForwarded) {
        String address = request.getRemoteAddr();
        if (trustForwarded) {
            String forwarded = PublicUrls.first(request.getHeader("X-Forwarded-For"));
            if (forwarded != null) {
                address = forwarded;
            }
        }
        return ClientAddress.anonymise(address);
    }
}
