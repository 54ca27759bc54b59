package io.ringside.archfixture.core.data;

/** The other half of the cycle with Profile. */
public final class Store {
    io.ringside.archfixture.core.connect.Profile profile;
}
