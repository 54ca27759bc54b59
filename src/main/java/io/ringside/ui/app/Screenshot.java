package io.ringside.ui.app;

import io.ringside.ui.cql.CqlShowcase;
import io.ringside.ui.shell.ShellViewModel;
import io.ringside.ui.streams.MessagesShowcase;
import io.ringside.ui.util.PageShowcase;
import io.ringside.ui.welcome.WelcomeViewModel;
import java.util.List;
import java.util.Optional;

/**
 * One of the README's pictures: its file name, the page it shows and what is done on that page
 * first. Most show a page as it loads; the CQL page is shown with a statement run and the Streams
 * page once more on its Messages tab with a search made, since empty, they would show nothing of
 * what they are for.
 *
 * @param name     the picture's file name without {@code .png}
 * @param view     the page's id on the rail
 * @param showcase what is done on the loaded page before the picture is taken
 */
record Screenshot(String name, String view, PageShowcase showcase) {

    /**
     * Every picture, in an order that lets each show data: Trends reads through the cache before
     * the Cache page lists the keys it left.
     */
    static final List<Screenshot> ALL = List.of(
            page(ShellViewModel.STACK_PAGE), page("cluster"), page("jobs"), page("trends"), page("cache"),
            page("streams"), new Screenshot("messages", "streams", MessagesShowcase.succeededJobs()),
            new Screenshot("cql", "cql", new CqlShowcase(CqlShowcase.SAMPLE_STATEMENT)),
            page(WelcomeViewModel.PAGE));

    private static Screenshot page(String view) {
        return new Screenshot(view, view, SnapshotMode.NOTHING);
    }

    static Optional<Screenshot> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
