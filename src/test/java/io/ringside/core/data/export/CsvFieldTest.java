package io.ringside.core.data.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** The export's own CSV line builder writes exactly what Commons CSV writes, field by field. */
class CsvFieldTest {

    private static final List<String> VALUES = Arrays.asList("Aotizhongxin", "2013-03-01T00:00:00Z", "4.0", "-3.5",
            "1.0E-4", "NNE", "", null, "N,E", "say \"hi\"", "back\\slash", "two words", "trailing ", " leading",
            "#hash", "!bang", "$dollar", "line\nbreak", "cr\rhere", "Zhiwuyuan", "Wanshouxigong", "é-accent",
            "[1,2]", "{\"a\":1}", "~tilde", "tab\there", "1000.0", "NaN", "Infinity", "-Infinity", "0");

    @Test
    void everyFieldInEveryPositionAsCommonsCsvPrintsIt() throws IOException {
        for (String first : VALUES) {
            for (String second : VALUES) {
                List<String> record = new ArrayList<>(Arrays.asList(first, second, first));
                StringWriter expected = new StringWriter();
                try (CSVPrinter printer = new CSVPrinter(expected, RowWriter.CSV)) {
                    printer.printRecord(record);
                }
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < record.size(); i++) {
                    RowWriter.appendField(line, record.get(i), i == 0);
                }
                line.append('\n');
                assertEquals(expected.toString(), line.toString(), "record " + record);
            }
        }
    }
}
