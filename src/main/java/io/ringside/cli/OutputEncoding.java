package io.ringside.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Makes the process write UTF-8 on stdout and stderr when the locale's encoding cannot write the
 * text Ringside prints. Under {@code LANG=C} or POSIX, as on many servers and CI machines, Java 17
 * writes US-ASCII and every character beyond it as {@code ?}: the sample's Hindi location name
 * came out as a row of question marks that no script could match. An encoding the user asked for
 * with {@code -Dstdout.encoding} or {@code -Dsun.stdout.encoding} (likewise for stderr) is kept.
 *
 * <p>A value the JVM set itself (Java 17 sets {@code sun.stdout.encoding} for a terminal, later
 * versions set {@code stdout.encoding} always) is the locale's own, {@code native.encoding}; only a
 * value different from it counts as the user's.
 */
public final class OutputEncoding {

    /** Letters of the scripts Ringside's own data holds (Latin with accents, Devanagari, CJK). */
    private static final String PRINTED_TEXT = "é हैदराबाद 北京";

    private OutputEncoding() {
    }

    /** Called once, first thing in {@code main}, before anything has been written. */
    public static void install() {
        Charset out = chosen("stdout");
        if (out != null) {
            System.out.flush();
            System.setOut(stream(FileDescriptor.out, out));
        }
        Charset err = chosen("stderr");
        if (err != null) {
            System.err.flush();
            System.setErr(stream(FileDescriptor.err, err));
        }
    }

    /**
     * The encoding a stream ({@code stdout} or {@code stderr}) of this process writes: the one
     * {@link #install} chose, else the JVM's. picocli and logging encode their own text before it
     * reaches the stream, so they take this rather than the default charset.
     */
    public static Charset of(String stream) {
        Charset given = charset(System.getProperty(stream + ".encoding"));
        if (given == null) {
            given = charset(System.getProperty("sun." + stream + ".encoding"));
        }
        return given != null ? given : Charset.defaultCharset();
    }

    /** The encoding to switch {@code stream} to, or null to leave it as it is. */
    static Charset chosen(String stream) {
        String mine = userGiven(System.getProperty(stream + ".encoding"));
        String legacy = userGiven(System.getProperty("sun." + stream + ".encoding"));
        Charset current = of(stream);
        Charset target;
        if (mine != null) {
            target = charset(mine); // Java 17 does not know this property: the stream is made here
        } else if (legacy != null) {
            target = current.equals(charset(legacy)) ? null : charset(legacy);
        } else {
            target = canWrite(current) ? null : StandardCharsets.UTF_8;
        }
        if (target != null) {
            // picocli reads the first, and anything on Java 18+ that asks which encoding a stream writes the second
            System.setProperty("sun." + stream + ".encoding", target.name());
            System.setProperty(stream + ".encoding", target.name());
        }
        return target;
    }

    private static String userGiven(String value) {
        return value == null || value.isBlank() || value.equals(System.getProperty("native.encoding")) ? null : value;
    }

    private static boolean canWrite(Charset charset) {
        return charset.canEncode() && charset.newEncoder().canEncode(PRINTED_TEXT);
    }

    private static Charset charset(String name) {
        try {
            return name == null ? null : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Built as the JVM builds {@code System.out}: a small buffer, flushed at every line and every write of bytes. */
    private static PrintStream stream(FileDescriptor fd, Charset charset) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 128), true, charset);
    }
}
