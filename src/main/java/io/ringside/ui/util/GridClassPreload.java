package io.ringside.ui.util;

import io.ringside.core.cassandra.Cell;
import java.text.BreakIterator;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableCellSkin;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableRowSkin;

/**
 * Loads, on a background thread while a page with a row grid opens, the classes the grid's first
 * rows would otherwise load on the FX thread in the pulse that shows them: the table's row and cell
 * skins and behaviours (the page's grid may be the first table with rows in the process) and the
 * break iterator JavaFX clips a long value with (its rule tables and resource bundles). Measured by
 * {@code bench cql-ui}: in a fresh JVM the first page's pulse loaded these on the FX thread, about
 * 40 ms of its 137-165 ms. Also the empty rows' skin and its listener ({@link EmptyRows}) and a
 * column header's lambdas, which the first result's header and first row still linked on the FX
 * thread (the first row's pulse was the first page's longest once the rest was spread over pulses).
 * Nothing here touches a scene, so any thread may run it.
 */
public final class GridClassPreload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String[] CLASSES = {
        "javafx.scene.control.skin.TableRowSkinBase", "javafx.scene.control.skin.TableRowSkin",
        "com.sun.javafx.scene.control.behavior.TableRowBehaviorBase",
        "com.sun.javafx.scene.control.behavior.TableRowBehavior",
        "javafx.scene.control.TableCell$1", "javafx.scene.control.TableCell$2",
        "javafx.scene.control.skin.TableCellSkinBase", "javafx.scene.control.skin.TableCellSkin",
        "com.sun.javafx.scene.control.behavior.TableCellBehaviorBase",
        "com.sun.javafx.scene.control.behavior.TableCellBehavior",
        "javafx.scene.control.TableView$TableViewArrayListSelectionModel$4", "javafx.scene.control.ControlUtils",
        "io.ringside.ui.util.EmptyRows$Blank", "io.ringside.ui.util.EmptyRows$FirstItem"};

    private GridClassPreload() {
    }

    /** Starts the preload on a thread of its own once per process; returns at once. */
    public static void start() {
        startOnce(STARTED, "ringside-grid-preload", GridClassPreload::load);
    }

    /**
     * Runs {@code work} on a low-priority daemon thread named {@code threadName}, the first time
     * {@code started} is set: for a page whose preload loads more than the grid's classes.
     */
    public static void startOnce(AtomicBoolean started, String threadName, Runnable work) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread preload = new Thread(work, threadName);
        preload.setDaemon(true);
        preload.setPriority(Thread.MIN_PRIORITY);
        preload.start();
    }

    /**
     * Loads them on the calling thread: for a page whose own preload thread loads more besides.
     * Returns whether the skins were made (a test runs it beside the FX thread's layout).
     */
    public static boolean load() {
        ClassLoader loader = GridClassPreload.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError ignored) {
                // a preload only: the FX thread loads it when it needs it
            }
        }
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText("a preload");
        characters.following(1);
        return makeSkins();
    }

    /**
     * Makes a row's and a value cell's skins once, out of any scene: links the skins' and
     * behaviours' lambdas (hidden classes, spun by the first run of each on any thread) and
     * initialises their classes, which the grid's first row otherwise does on the FX thread. Nodes
     * out of a scene may be made on any thread; these are dropped at once.
     */
    private static boolean makeSkins() {
        try {
            TableView<Object> table = new TableView<>();
            TableColumn<Object, Cell> column = new TableColumn<>("preload");
            table.getColumns().add(column);
            TableRow<Object> row = new TableRow<>();
            row.updateTableView(table);
            row.setSkin(new TableRowSkin<>(row));
            ValueCell<Object> cell = new ValueCell<>();
            cell.updateTableView(table);
            cell.updateTableColumn(column);
            cell.updateTableRow(row);
            cell.setSkin(new TableCellSkin<>(cell));
        } catch (RuntimeException | LinkageError ignored) {
            // a preload only: the FX thread makes them when it needs them
            return false;
        }
        makeColumnHeader();
        return true;
    }

    /**
     * Makes a column header once, out of any scene: its constructor's nine lambdas were linked on
     * the FX thread in the pulse that lays out a result's header ({@code bench cql-ui}).
     */
    private static void makeColumnHeader() {
        try {
            TableView<Object> table = new TableView<>();
            TableColumn<Object, Cell> column = new TableColumn<>("preload");
            table.getColumns().add(column);
            new TableColumnHeader(column);
        } catch (RuntimeException | LinkageError ignored) {
            // a preload only: the FX thread makes it when it needs it
        }
    }
}
