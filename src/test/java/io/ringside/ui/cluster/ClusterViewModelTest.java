package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cassandra.RowPage;
import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ClusterViewModelTest {

    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ClusterViewModel viewModel = new ClusterViewModel(gateway, executor);

    @Test
    void activationLoadsTheTreeAndTheNodeTableThenReportsLoaded() {
        viewModel.activate();

        assertTrue(viewModel.loadedProperty().get());
        assertEquals("", viewModel.loadErrorProperty().get());
        assertEquals(List.of("shop", "system"), viewModel.schema().keyspaces().stream().map(k -> k.name()).toList());
        assertEquals(List.of("shop"), viewModel.schema().userKeyspaceNames());
        assertEquals(2, viewModel.nodes().nodes().size());
        assertEquals(FakeClusterGateway.NODE_1, viewModel.nodes().selectedProperty().get());
        assertTrue(executor.scheduledDelays().containsAll(List.of(NodesViewModel.LIVENESS_PERIOD,
                NodesViewModel.HEALTH_PERIOD)), executor.scheduledDelays().toString());
    }

    @Test
    void aRoundRehearsesOffTheFxThreadWhatItsResultWillDoThereWithoutAskingTheCluster() {
        var report = gateway.health(null);
        int asked = gateway.healthCalls.get();

        assertTrue(NodesViewModel.rehearse(gateway, executor, report), "the rehearsal did not go through");

        assertEquals(asked, gateway.healthCalls.get());
        assertTrue(executor.scheduledDelays().isEmpty(), executor.scheduledDelays().toString());
    }

    @Test
    void aFailedSchemaReadIsTheLoadErrorAndNotLoaded() {
        gateway.keyspacesFailure = new IllegalStateException("All host(s) tried for query failed\nmore");

        viewModel.activate();

        assertFalse(viewModel.loadedProperty().get());
        assertEquals("All host(s) tried for query failed", viewModel.loadErrorProperty().get());
    }

    @Test
    void selectingATableShowsItsDdlEstimateAndFirstPage() {
        gateway.estimate = OptionalLong.of(12_345);
        viewModel.activate();

        viewModel.schema().select(new SchemaSelection("shop", "orders"));

        assertEquals("CREATE TABLE shop.orders (...);", viewModel.schema().ddlProperty().get());
        assertEquals("~12,345 partitions", viewModel.schema().estimateProperty().get());
        RowsViewModel rows = viewModel.rows();
        assertEquals(3, rows.columns().size());
        assertEquals(RowsViewModel.DEFAULT_PAGE_SIZE, rows.rows().size());
        assertEquals("Page 1 · rows 1–100", rows.positionProperty().get());
        assertTrue(rows.canNextProperty().get());
        assertFalse(rows.canPreviousProperty().get());
    }

    @Test
    void estimateIsNaUntilCassandraHasOne() {
        viewModel.activate();

        viewModel.schema().select(new SchemaSelection("shop", "orders"));

        assertEquals("n/a (not computed yet)", viewModel.schema().estimateProperty().get());
        assertTrue(viewModel.schema().estimateNoteProperty().get().contains("every few minutes"),
                viewModel.schema().estimateNoteProperty().get());
    }

    @Test
    void pagingForwardToTheEndAndBackShowsTheSameRows() {
        viewModel.activate();
        viewModel.schema().select(new SchemaSelection("shop", "orders"));
        RowsViewModel rows = viewModel.rows();
        List<RowPage.Row> first = List.copyOf(rows.rows());

        rows.next();
        List<RowPage.Row> second = List.copyOf(rows.rows());
        rows.next();

        assertEquals(3, rows.pageNumberProperty().get());
        assertEquals(50, rows.rows().size());
        assertFalse(rows.canNextProperty().get());
        assertEquals("Page 3 · rows 201–250 (last page)", rows.positionProperty().get());
        rows.previous();
        assertEquals(second, rows.rows());
        rows.previous();
        assertEquals(first, rows.rows());
        assertFalse(rows.canPreviousProperty().get());
        assertEquals("c0", first.get(0).cells().get(0).shown());
        assertEquals("c100", second.get(0).cells().get(0).shown());
    }

    @Test
    void pageSizeAndFilterStartAgainFromTheFirstPage() {
        viewModel.activate();
        viewModel.schema().select(new SchemaSelection("shop", "orders"));
        RowsViewModel rows = viewModel.rows();
        rows.next();

        rows.setPageSize(25);
        assertEquals(1, rows.pageNumberProperty().get());
        assertEquals(25, rows.rows().size());

        rows.setFilter(Map.of("customer", "c7", "unused", " "));
        assertEquals(Map.of("customer", "c7"), gateway.queries.get(gateway.queries.size() - 1).partitionKey());
        assertEquals(3, rows.rows().size());
        assertFalse(rows.canNextProperty().get());

        rows.setPageSize(0);
        assertTrue(rows.errorProperty().get().contains("between 1 and"));
    }

    @Test
    void anEmptyTableSaysWhyItIsEmpty() {
        RowsViewModel rows = viewModel.rows();
        assertEquals(RowsViewModel.NOTHING_OPEN, rows.emptyTextProperty().get());
        viewModel.activate();
        viewModel.schema().select(new SchemaSelection("shop", "orders"));

        gateway.partitionRows = 0;
        rows.setFilter(Map.of("customer", "nobody"));
        assertEquals(0, rows.rows().size());
        assertEquals("No rows match the filter", rows.emptyTextProperty().get());

        gateway.rowCount = 0;
        rows.setFilter(Map.of());
        assertEquals("This table has no rows", rows.emptyTextProperty().get());
    }

    @Test
    void inspectingABlobFetchesItsHeadOnlyThen() {
        viewModel.activate();
        viewModel.schema().select(new SchemaSelection("shop", "orders"));
        RowsViewModel rows = viewModel.rows();
        assertEquals(0, gateway.blobCalls.get(), "a page fetches no blob");

        rows.inspect(rows.rows().get(0), 2);
        assertEquals(1, gateway.blobCalls.get());
        assertEquals("receipt (blob)", rows.detailTitleProperty().get());
        assertEquals("5.00 MiB  1f 8b 08 00 …", rows.detailTextProperty().get());

        rows.inspect(rows.rows().get(0), 0);
        assertEquals("c0", rows.detailTextProperty().get());
        assertEquals(1, gateway.blobCalls.get());
    }

    @Test
    void aNodeTheDriverMarksDownShowsAtTheNextLivenessPollWithTheBanner() {
        viewModel.activate();
        NodesViewModel nodes = viewModel.nodes();
        executor.runScheduled();
        assertFalse(nodes.bannerShownProperty().get());
        int healthCalls = gateway.healthCalls.get();

        gateway.liveness.put(FakeClusterGateway.NODE_2, false);
        runLivenessPoll();

        assertEquals("DN", nodes.nodes().get(1).state());
        assertFalse(nodes.nodes().get(1).up());
        assertTrue(gateway.healthCalls.get() > healthCalls, "a change triggers a full refresh");
        assertTrue(nodes.bannerShownProperty().get());
        assertTrue(nodes.bannerProperty().get().contains("Still working: ONE"), nodes.bannerProperty().get());
        assertTrue(NodesViewModel.LIVENESS_PERIOD.compareTo(Duration.ofSeconds(2)) < 0);
    }

    /**
     * The driver notices a node down between two liveness polls and a health round reads its report
     * then: the report, newer than the last poll, shows the node down with its banner at once. It
     * used to be overridden by that older poll, so the table said UN beside a banner saying the node
     * was down until the next poll.
     */
    @Test
    void aReportReadAfterTheDriverNoticedShowsTheNodeDownBeforeTheNextLivenessPoll() {
        viewModel.activate();
        NodesViewModel nodes = viewModel.nodes();
        runLivenessPoll();
        assertEquals(List.of("UN", "UN"), nodes.nodes().stream().map(n -> n.state()).toList());

        gateway.liveness.put(FakeClusterGateway.NODE_2, false);
        nodes.refreshNow(); // a health round, before any liveness poll saw the change

        assertTrue(nodes.bannerShownProperty().get());
        assertEquals(List.of("UN", "DN"), nodes.nodes().stream().map(n -> n.state()).toList(),
                "the table agrees with the banner");
        assertFalse(nodes.nodes().get(1).up());

        runLivenessPoll();
        assertEquals(List.of("UN", "DN"), nodes.nodes().stream().map(n -> n.state()).toList());
    }

    /**
     * The selected node hangs (its details never come, as a stopped Cassandra's whose connection
     * stays open): the round ends at its deadline with the other nodes' report and says the node gave
     * no answer. It used to wait for the details, however long they took, before showing anything of
     * the round.
     */
    @Test
    void aHungNodesDetailsHoldTheRoundNoLongerThanItsDeadline() {
        viewModel.activate();
        NodesViewModel nodes = viewModel.nodes();
        nodes.select(FakeClusterGateway.NODE_2);
        gateway.hung.add(FakeClusterGateway.NODE_2);
        gateway.liveness.put(FakeClusterGateway.NODE_1, false); // what this round's report has new
        try {
            long start = System.nanoTime();
            nodes.refreshNow();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(NodesViewModel.ROUND.plusSeconds(2)) < 0, "the round took " + took);
            assertEquals(List.of("DN", "UN"), nodes.nodes().stream().map(n -> n.state()).toList(),
                    "the round's report shown");
            assertEquals("No answer from the node within " + NodesViewModel.ROUND.toSeconds() + " s",
                    nodes.detailSummaryProperty().get());
        } finally {
            gateway.unhang();
        }
    }

    @Test
    void healthFailuresBackOffAndRecover() {
        gateway.healthFailure = new IllegalStateException("timeout");
        viewModel.activate();
        NodesViewModel nodes = viewModel.nodes();
        assertTrue(nodes.errorProperty().get().contains("timeout"));
        assertTrue(nodes.errorProperty().get().contains("retrying in 10 s"), nodes.errorProperty().get());
        assertTrue(executor.scheduledDelays().contains(NodesViewModel.HEALTH_PERIOD.multipliedBy(2)),
                executor.scheduledDelays().toString());

        executor.runScheduled();
        assertTrue(executor.scheduledDelays().contains(NodesViewModel.HEALTH_PERIOD.multipliedBy(4)),
                executor.scheduledDelays().toString());

        gateway.healthFailure = null;
        executor.runScheduled();
        assertEquals("", nodes.errorProperty().get());
        assertTrue(executor.scheduledDelays().contains(NodesViewModel.HEALTH_PERIOD));
    }

    @Test
    void detailSamplesAreBoundedAndDeactivationStopsPolling() {
        viewModel.activate();
        NodesViewModel nodes = viewModel.nodes();
        for (int i = 0; i < NodesViewModel.MAX_SAMPLES + 10; i++) {
            nodes.refreshNow();
        }

        assertEquals(NodesViewModel.MAX_SAMPLES, nodes.samples().size());
        assertEquals("ReadStage", nodes.threadPools().get(0).name());
        assertTrue(nodes.detailSummaryProperty().get().contains("3.00 MiB"), nodes.detailSummaryProperty().get());

        viewModel.deactivate();
        assertTrue(executor.scheduledDelays().isEmpty(), executor.scheduledDelays().toString());
    }

    private void runLivenessPoll() {
        executor.runScheduled();
    }
}
