package com.pulsevault;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the caller can act on (unknown upload, wrong offset, ...). The HTTP boundary maps each
 * subclass to a status and a stable problem type; the domain itself knows nothing of HTTP.
 * Marked as an application exception so EJBs pass it through unwrapped.
 */
@ApplicationException
public abstract class VaultException extends RuntimeException {
    protected VaultException(String message) {
        super(message, null, false, false); // no stack trace: these are answers, not faults
    }
}
