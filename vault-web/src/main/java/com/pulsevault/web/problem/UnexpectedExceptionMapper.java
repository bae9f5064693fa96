package com.pulsevault.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fault of ours: the client gets an incident id to quote, the log gets the stack trace under the
 * same id. Exception messages from the domain carry identifiers only, never PHI.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return Problems.builder(ProblemType.INTERNAL_ERROR, "Quote incident " + incident + " to your administrator",
                Map.of("incident", incident)).build();
    }
}
