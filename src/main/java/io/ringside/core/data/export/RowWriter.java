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

    /**
     * One line per row, built in a reused buffer and handed to the writer whole: a field that
     * cannot need quoting (printable ASCII without delimiter, quote or escape, the first
     * character above {@code '#'}) is appended as it is, any other goes through {@link #CSV}, so
     * the output is what {@link CSVPrinter} writes without its per-field calls into the encoder.
     */
    private static final class CsvRows extends RowWriter {
        private final Writer out;
        private final int width;
        private final StringBuilder line = new StringBuilder(256);
        private char[] chars = new char[256];

        CsvRows(Writer out, int width) {
            this.out = out;
            this.width = width;
        }

        @Override
        void write(Row row) throws IOException {
            line.setLength(0);
            for (int i = 0; i < width; i++) {
                appendField(line, ValueText.csv(row.getObject(i)), i == 0);
            }
            line.append('\n');
            int length = line.length();
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            line.getChars(0, length, chars, 0);
            out.write(chars, 0, length);
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

    private static boolean plain(String text) {
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
