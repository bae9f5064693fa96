package com.pulsevault.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Problems.ProblemException> {
    @Override
    public Response toResponse(Problems.ProblemException e) {
        return Problems.response(e.type(), e.getMessage());
    }
}
