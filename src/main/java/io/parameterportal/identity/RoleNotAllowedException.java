package io.parameterportal.identity;

/** The request asks for a role the user's verified token does not list: refused before any AWS call. */
public class RoleNotAllowedException extends RuntimeException {

    private final String userName;

    RoleNotAllowedException(String role, String userName) {
        super("The role " + role + " is not one of the roles your sign-in grants (cognito:roles); pick one of those.",
                null, false, false);
        this.userName = userName;
    }

    public String userName() {
        return userName;
    }
}
