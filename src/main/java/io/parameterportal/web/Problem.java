package io.parameterportal.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, with two extension members of this API: {@code name}, the signed-in
 * user's name, present when the token was good but AWS said no, so the page can still greet the user;
 * and {@code reason}, a stable code for why a sign-in was refused (e.g. {@code EXPIRED}), for programs
 * that act on it rather than on the sentence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String name, String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    Problem withName(String userName) {
        return new Problem(type, title, status, detail, userName, reason);
    }

    Problem withReason(String code) {
        return new Problem(type, title, status, detail, name, code);
    }

    Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
    }
}
