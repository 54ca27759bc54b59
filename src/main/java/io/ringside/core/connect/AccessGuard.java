package io.ringside.core.connect;

/**
 * The one check every mutating service call makes before it writes: a read-only profile refuses
 * in the service layer, so neither a forgotten disabled button nor a script can change a stack the
 * operator meant only to look at.
 */
public final class AccessGuard {

    public static final AccessGuard READ_WRITE = new AccessGuard(null, false);

    private final String profile;
    private final boolean readOnly;

    private AccessGuard(String profile, boolean readOnly) {
        this.profile = profile;
        this.readOnly = readOnly;
    }

    public static AccessGuard of(ConnectionProfile profile) {
        return new AccessGuard(profile.name(), profile.readOnly());
    }

    /**
     * The guard of a profile known only by name and flag, e.g. the one a job request carries to a
     * worker that runs under a profile of its own.
     */
    public static AccessGuard of(String profile, boolean readOnly) {
        return new AccessGuard(profile, readOnly);
    }

    public boolean readOnly() {
        return readOnly;
    }

    /**
     * @param action what is about to change, e.g. "delete dataset mnist"
     * @throws ReadOnlyProfileException when the profile is read-only
     */
    public void checkWritable(String action) {
        if (readOnly) {
            throw new ReadOnlyProfileException("Refused to " + action + ": profile '" + profile
                    + "' is read-only (clear the read-only flag in Connections to allow changes)");
        }
    }
}
