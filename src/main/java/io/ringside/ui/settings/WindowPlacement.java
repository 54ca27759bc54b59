package io.ringside.ui.settings;

import java.util.List;
import java.util.Map;

/**
 * Where the console's window was when it closed: its bounds when not maximised (so un-maximising
 * after a restart goes back to them), whether it was maximised, and each split pane's divider
 * positions, keyed by page and the pane's place in it ({@code cluster/0}).
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized,
                              Map<String, List<Double>> dividers) {

    public WindowPlacement {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
    }
}
