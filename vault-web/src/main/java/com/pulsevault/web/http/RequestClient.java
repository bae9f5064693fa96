package com.pulsevault.web.http;

import com.pulsevault.config.VaultConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Who is asking, as the audit trail may record it: the anonymised client address of this request. */
@RequestScoped
public class RequestClient {

    @Inject
    HttpServletRequest request;
    @Inject
    VaultConfig config;

    public String anonymisedAddress() {
        return ClientAddresses.anonymised(request, config.settings().trustForwardedHeaders());
    }
}
