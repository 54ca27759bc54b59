package io.ringside.ui.shell;

import io.ringside.ui.util.ControllerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The console's pages in rail order, with the FXML controllers they need. Registering a page
 * whose id is already there (a placeholder) replaces it in place, so a feature arrives with one
 * line and keeps its rail position and its Ctrl+N shortcut.
 */
public final class PageRegistry {

    /** Ctrl+1 .. Ctrl+9 select the pages in rail order. */
    public static final int MAX_SHORTCUTS = 9;

    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<Consumer<ControllerFactory>> controllers = new ArrayList<>();

    public PageRegistry add(Page page) {
        pages.put(page.id(), page);
        return this;
    }

    /** Adds a built page together with the controller its FXML names. */
    public <T> PageRegistry add(Page page, Class<T> controller, Supplier<? extends T> supplier) {
        return add(page, factory -> factory.register(controller, supplier));
    }

    /** Adds a built page whose FXML includes panes with controllers of their own: {@code controllers} registers them all. */
    public PageRegistry add(Page page, Consumer<ControllerFactory> controllers) {
        this.controllers.add(controllers);
        return add(page);
    }

    public List<Page> pages() {
        return List.copyOf(pages.values());
    }

    public Optional<Page> find(String id) {
        return Optional.ofNullable(pages.get(id));
    }

    /** The page of Ctrl+{@code number} (1-based), if there is one. */
    public Optional<Page> byShortcut(int number) {
        List<Page> all = pages();
        return number >= 1 && number <= Math.min(all.size(), MAX_SHORTCUTS) ? Optional.of(all.get(number - 1))
                : Optional.empty();
    }

    /** Registers the pages' controllers in {@code factory}. */
    public ControllerFactory registerControllers(ControllerFactory factory) {
        controllers.forEach(registration -> registration.accept(factory));
        return factory;
    }
}
