/**
 * The console's composition root: {@link io.ringside.ui.app.ConsoleLauncher} (the CLI's one way in),
 * the JavaFX application, and {@link io.ringside.ui.app.MainWindow}, which builds every feature's
 * view-model and gateway and hands them the shared services. Snapshot mode lives here because it
 * builds the main window. Feature packages never depend on this package.
 */
package io.ringside.ui.app;
