package io.parameterportal.web;

/** The request body is not the JSON object the API takes. */
class UnreadableRequestException extends RuntimeException {

    UnreadableRequestException(String message) {
        super(message, null, false, false);
    }
}
