package io.parameterportal.local.aws;

/**
 * An error answer of the AWS JSON protocol: the HTTP status and the {@code __type} from which the
 * SDK picks its exception class (e.g. {@code ParameterNotFound}), with AWS's own message.
 */
final class AwsError extends RuntimeException {

    private final int status;
    private final String type;

    /** A client error: AWS answers those with 400, denials included. */
    AwsError(String type, String message) {
        this(400, type, message);
    }

    AwsError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static AwsError unknownOperation(String target) {
        return new AwsError("UnknownOperationException", "Operation " + target + " is not served by this local stand-in.");
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
