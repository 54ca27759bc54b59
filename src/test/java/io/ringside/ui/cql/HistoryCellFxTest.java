package io.ringside.ui.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cql.HistoryEntry;
import java.time.Instant;
import java.util.concurrent.Callable;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless, no servers: the CQL page's history list at its narrow width. */
@ExtendWith(ApplicationExtension.class)
class HistoryCellFxTest {

    private static final String LONG = "SELECT station, day, avg_ugm3, min_ugm3, max_ugm3, samples\n  FROM ringside.pm25_daily"
            + "\n WHERE station = 'Hyderabad US Consulate' AND day >= '2025-01-01'";

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aLongStatementIsCutToTheListAndWholeInTheTooltip(FxRobot robot) {
        ListView<HistoryEntry> list = new ListView<>();
        Tooltip details = new Tooltip();
        list.setCellFactory(view -> new CqlView.HistoryCell(details));
        list.getItems().setAll(entry(LONG), entry("SELECT 1 FROM t"));
        robot.interact(() -> {
            stage.setScene(new Scene(list, 230, 200));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(onFx(() -> list.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible())), "no sideways scroll bar");
        String shown = onFx(() -> list.lookupAll(".list-cell .text").stream().map(n -> ((Text) n).getText())
                .filter(t -> t.startsWith("SELECT station")).findFirst().orElseThrow());
        assertTrue((shown.endsWith("…") || shown.endsWith("...")) && shown.length() < 40, "cut to the list's width: " + shown);

        String tip = CqlView.HistoryCell.tooltipText(entry(LONG));
        assertTrue(tip.startsWith(LONG + "\n2026-01-01T00:00:00Z · local · ok · 12 ms"), tip);
        String generated = "SELECT " + "x, ".repeat(400) + "y FROM t";
        String cut = CqlView.HistoryCell.tooltipText(entry(generated));
        assertEquals(generated.substring(0, CqlView.HistoryCell.TOOLTIP_CHARS) + " …",
                cut.substring(0, cut.indexOf('\n')), "a statement pages long is cut in the tooltip");
    }

    private static HistoryEntry entry(String statement) {
        return new HistoryEntry(Instant.parse("2026-01-01T00:00:00Z"), "local", statement, "read", "ok", 3, 12);
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError("reading the scene failed", e);
        }
    }
}
