package io.ringside.core.data.export;

import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
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

    /** A writer of rows into {@code file}; {@code written} hears of the bytes as they reach the file. */
    static RowWriter open(ExportFormat format, Path file, boolean gzip, List<String> columns, LongConsumer written)
            throws IOException {
        OutputStream raw = new Counted(Files.newOutputStream(file), written);
        // the buffer above the compressor: gzip gets 64 KiB at a time, not one line per deflate call
        OutputStream out = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16);
        return format == ExportFormat.CSV ? new CsvRows(out, columns.size())
                : new JsonRows(new OutputStreamWriter(out, StandardCharsets.UTF_8), columns);
    }

    /**
     * Counts the bytes that reach the file, below the buffer and the compressor: what an export's
     * progress reports as written (64 KiB at a time, so counting costs nothing a row).
     */
    private static final class Counted extends FilterOutputStream {
        private final LongConsumer written;

        Counted(OutputStream out, LongConsumer written) {
            super(out);
            this.written = written;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written.accept(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written.accept(len);
        }
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

    /**
     * One line per row, built as bytes in one reused {@link CsvLine} from the row's raw cells and
     * written whole; each column's formatter is chosen once, from the first row's column types.
     */
    private static final class CsvRows extends RowWriter {
        private final OutputStream out;
        private final int width;
        private final CsvLine line = new CsvLine();
        private CsvLine.Field[] fields;

        CsvRows(OutputStream out, int width) {
            this.out = out;
            this.width = width;
        }

        @Override
        void write(Row row) throws IOException {
            if (fields == null) {
                fields = fieldsOf(row);
            }
            line.reset();
            for (int i = 0; i < width; i++) {
                fields[i].append(line, row.getBytesUnsafe(i), i == 0);
            }
            line.end();
            line.writeTo(out);
        }

        private CsvLine.Field[] fieldsOf(Row row) {
            ColumnDefinitions definitions = row.getColumnDefinitions();
            CsvLine.Field[] chosen = new CsvLine.Field[width];
            for (int i = 0; i < width; i++) {
                DataType type = definitions.get(i).getType();
                chosen[i] = CsvLine.field(type, row.codecRegistry().codecFor(type), row.protocolVersion());
            }
            return chosen;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Appends one field, preceded by the delimiter unless it is the first of its line. */
    static void appendField(StringBuilder line, String text, boolean first) throws IOException {
        if (text == null || !plain(text)) {
            CSV.print(text, line, first);
            return;
        }
        if (!first) {
            line.append(',');
        }
        line.append(text);
    }

    /** True when a field cannot need quoting: printable ASCII without delimiter, quote or escape, the first above '#'. */
    static boolean plain(CharSequence text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) <= '#') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~' || c == ',' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
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
