package io.ringside.ui.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing locations on the Trends page and exporting them, on a fake gateway (no servers). */
class TrendsChoiceTest {

    private final FakeTrendsGateway gateway = new FakeTrendsGateway();
    private final TrendsViewModel viewModel = new TrendsViewModel(gateway, new CurrentThreadTaskExecutor());

    @Test
    void partOfANameGivenAtStartIsTakenForTheStoredName() {
        viewModel.preset(List.of("hyderabad"), null, null);
        viewModel.activate();

        assertEquals(List.of(FakeTrendsGateway.HYDERABAD), viewModel.chosen());
        assertEquals(FakeTrendsGateway.HYDERABAD, viewModel.trends().get(0).location());
        assertEquals("", viewModel.errorProperty().get());
    }

    @Test
    void theSearchFiltersTheListAndCheckingSeveralComparesThem() {
        viewModel.activate();
        assertEquals(List.of("Aotizhongxin"), viewModel.chosen(), "the first location when none is chosen");

        viewModel.searchProperty().set("delhi");
        assertEquals(List.of("Delhi", "New Delhi US Embassy"), viewModel.foundLocations());
        viewModel.checkedProperty("Delhi").set(true);
        viewModel.checkedProperty("New Delhi US Embassy").set(true);
        assertEquals(List.of("Aotizhongxin", "Delhi", "New Delhi US Embassy"), viewModel.chosen(),
                "the filter does not drop what it hides");
        assertEquals(3, viewModel.trends().size(), "one series each, on one chart");

        viewModel.checkedProperty("Aotizhongxin").set(false);
        assertEquals(List.of("Delhi", "New Delhi US Embassy"),
                viewModel.trends().stream().map(LocationTrend::location).toList());

        viewModel.searchProperty().set("consulate");
        viewModel.chooseFound(false);
        assertEquals(List.of(FakeTrendsGateway.HYDERABAD), viewModel.chosen(), "Enter charts the one left");
        assertTrue(!viewModel.checkedProperty("Delhi").get(), "its box follows");

        viewModel.searchProperty().set("delhi");
        viewModel.chooseFound(true);
        assertTrue(viewModel.errorProperty().get().startsWith("2 locations match"), viewModel.errorProperty().get());
    }

    @Test
    void theCsvHoldsRoundedFiguresAndTheSamplesWhereKnown() throws Exception {
        viewModel.preset(List.of("Delhi"), FakeTrendsGateway.FIRST, FakeTrendsGateway.FIRST.plusDays(1));
        viewModel.rollingDaysProperty().set(7);
        viewModel.activate();

        StringWriter csv = new StringWriter();
        viewModel.writeCsv(csv);
        assertEquals(List.of("location,date,avg_pm25,min_pm25,max_pm25,samples,rolling_mean",
                "Delhi,2025-03-02,35.4,20.0,61.0,24,35.4",
                "Delhi,2025-03-03,36.4,20.0,61.0,,35.9"), csv.toString().lines().toList());
    }
}
