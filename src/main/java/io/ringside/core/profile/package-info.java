/**
 * What the console holds for the profile it is connected to: the {@link
 * io.ringside.core.profile.ProfileServices} of one profile (its clients, data services, Redis
 * services and job client) and the {@link io.ringside.core.profile.ActiveConnection} that swaps
 * them when the operator changes profile. It sits above {@code connect}, {@code data},
 * {@code redis} and {@code jobs} because it composes them; none of them knows it.
 */
package io.ringside.core.profile;
