package io.parameterportal.local.userpool;

/** The AWS account local mode pretends to run in: its id, and the ARNs of its IAM roles. */
public final class LocalAccount {

    public static final String ID = "000000000000";

    private LocalAccount() {
    }

    public static String roleArn(String roleName) {
        return "arn:aws:iam::" + ID + ":role/" + roleName;
    }
}
