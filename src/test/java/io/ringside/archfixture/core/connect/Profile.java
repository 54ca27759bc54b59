package io.ringside.archfixture.core.connect;

/** Breaks, with Store: no cycles between the core's own packages. */
public final class Profile {
    io.ringside.archfixture.core.data.Store store;
}
