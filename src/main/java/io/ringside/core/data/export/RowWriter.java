package io.ringside.core.data.export;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rows to one part file. Every part is a whole gzip member when compressed, so the parts
 * (and the header, a member of its own) concatenated are one valid gzip file.
 */
abstract class RowWriter implements Closeable {

    /** DSBulk's CSV unload defaults: comma, double quote, backslash escape, '\n' line ends. */
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setEscape('\\').get();

    private static final JsonFactory JSON = new JsonFactory();

    abstract void write(Row row) throws IOException;

    static RowWriter open(ExportFormat format, Path file, boolean gzip, List<String> columns) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return format == ExportFormat.CSV ? new CsvRows(text, columns.size()) : new JsonRows(text, columns);
    }

    /** The header of a CSV export, as its own (gzip member of a) file part. */
    static byte[] header(ExportFormat format, boolean gzip, List<String> columns) throws IOException {
        if (format != ExportFormat.CSV) {
            return new byte[0];
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
             Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(text, CSV)) {
            printer.printRecord(columns);
        }
        return bytes.toByteArray();
    }

    private static final class CsvRows extends RowWriter {
        private final CSVPrinter printer;
        private final int width;

        CsvRows(Writer out, int width) throws IOException {
            this.printer = new CSVPrinter(out, CSV);
            this.width = width;
        }

        @Override
        void write(Row row) throws IOException {
            for (int i = 0; i < width; i++) {
                printer.print(ValueText.csv(row.getObject(i)));
            }
            printer.println();
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    private static final class JsonRows extends RowWriter {
        private final Writer out;
        private final JsonGenerator json;
        private final List<String> columns;

        JsonRows(Writer out, List<String> columns) throws IOException {
            this.out = out;
            this.json = JSON.createGenerator(out);
            this.json.setCodec(new com.fasterxml.jackson.databind.ObjectMapper());
            this.json.setRootValueSeparator(null); // one object a line, the line end written below
            this.columns = columns;
        }

        @Override
        void write(Row row) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i));
                ValueText.json(json, row.getObject(i));
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            json.close();
            out.close();
        }
    }
}
