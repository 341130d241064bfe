package io.parameterportal.faults;

/** Same as {@link FaultsProfile}, but its own application start, so that no key has been fetched yet. */
public class JwksColdStartProfile extends FaultsProfile {
}
