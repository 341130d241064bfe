package io.parameterportal.faults;

/** {@link FaultsProfile} with its own application start, so that the key source's penalty box starts clean. */
public class JwksUnderAttackProfile extends FaultsProfile {
}
