package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.ui.settings.WindowPlacement;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowMemoryTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D MONITOR = new Rectangle2D(1366, 0, 2560, 1400);

    private static Rectangle2D bounds(WindowPlacement saved, List<Rectangle2D> screens) {
        return WindowMemory.bounds(saved, screens, screens.get(0), MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
    }

    private static void assertBounds(double x, double y, double width, double height, Rectangle2D actual) {
        assertEquals(x, actual.getMinX(), 0.01, "x of " + actual);
        assertEquals(y, actual.getMinY(), 0.01, "y of " + actual);
        assertEquals(width, actual.getWidth(), 0.01, "width of " + actual);
        assertEquals(height, actual.getHeight(), 0.01, "height of " + actual);
    }

    @Test
    void aFirstWindowFitsALaptopScreenAndIsCentredOnIt() {
        Rectangle2D first = bounds(null, List.of(LAPTOP));

        assertBounds(102.45, 20, 1161.1, 700, first); // 85 % of the width; the minimum height (85 % is 629 px)
    }

    @Test
    void aFirstWindowOnABigScreenIsCappedNotFullScreen() {
        Rectangle2D first = bounds(null, List.of(MONITOR));

        assertEquals(WindowMemory.MAX_WIDTH, first.getWidth());
        assertEquals(WindowMemory.MAX_HEIGHT, first.getHeight());
    }

    @Test
    void aRememberedWindowOpensWhereItWasWhileItsScreenIsThere() {
        WindowPlacement onMonitor = new WindowPlacement(1500, 100, 1400, 900, false, Map.of());

        assertEquals(new Rectangle2D(1500, 100, 1400, 900), bounds(onMonitor, List.of(LAPTOP, MONITOR)));
    }

    @Test
    void aWindowWhoseScreenIsGoneOpensOnThePrimaryScreenAtItsDefault() {
        WindowPlacement onMonitor = new WindowPlacement(1500, 100, 1400, 900, false, Map.of());

        assertEquals(bounds(null, List.of(LAPTOP)), bounds(onMonitor, List.of(LAPTOP)));
    }

    @Test
    void aRememberedWindowLargerThanItsScreenIsShrunkOntoIt() {
        WindowPlacement tooBig = new WindowPlacement(-20, 0, 1500, 900, false, Map.of());

        assertEquals(new Rectangle2D(0, 0, 1366, 740), bounds(tooBig, List.of(LAPTOP)));
    }
}
