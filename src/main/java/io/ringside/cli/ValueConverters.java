package io.ringside.cli;

import io.ringside.core.MessageText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Option and parameter types whose bad values must read as what was expected, not as the Java
 * type picocli could not make ({@code java.time.LocalDate}) or the JDK's own message
 * ({@code Invalid UUID string}). The value typed is echoed escaped and shortened.
 */
public final class ValueConverters {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ValueConverters() {
    }

    /** Registers the converters on a command line and all its subcommands. */
    public static CommandLine register(CommandLine cli) {
        cli.registerConverter(LocalDate.class, ValueConverters::date);
        cli.registerConverter(UUID.class, ValueConverters::jobId);
        return cli;
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("expected a date as YYYY-MM-DD (e.g. 2024-03-01), not '"
                    + MessageText.quote(value) + "'");
        }
    }

    static UUID jobId(String value) {
        String text = value.strip();
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new TypeConversionException("expected a job id: 36 characters like "
                    + "3f2c8a9e-5b1d-4c7a-9e2f-0a1b2c3d4e5f (see 'ringside jobs list'), not '"
                    + MessageText.quote(value) + "'");
        }
        return UUID.fromString(text);
    }
}
