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
            // the last address is the one our proxy saw and appended; earlier ones are whatever the client wrote
            String forwarded = lastHop(request.getHeader("X-Forwarded-For"));
            if (forwarded != null) {
                address = forwarded;
            }
        }
        return ClientAddress.anonymise(address);
    }

    static String lastHop(String forwardedFor) {
        if (forwardedFor == null) {
            return null;
        }
        String[] hops = forwardedFor.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() ? null : last;
    }
}
