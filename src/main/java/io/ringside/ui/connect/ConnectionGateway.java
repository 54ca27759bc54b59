package io.ringside.ui.connect;

import io.ringside.core.connect.ConnectionCheck;
import java.util.List;

/** Checks the active profile's backends; blocks for up to the check timeout, so only off the FX thread. */
@FunctionalInterface
public interface ConnectionGateway {

    List<ConnectionCheck> check();
}
