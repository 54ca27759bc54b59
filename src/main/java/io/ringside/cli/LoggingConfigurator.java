package io.ringside.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The process's logging, set in code rather than read from a {@code logback.xml}: reading the XML
 * loads an XML parser and several hundred configuration classes, about half a second of every
 * command's start on a busy machine, for six lines of settings. Found by logback through
 * {@code META-INF/services}; a {@code -Dlogback.configurationFile} given on the command line is
 * used instead.
 *
 * <p>Warnings and errors go to stderr; the client libraries' own lines only from ERROR (Kafka,
 * the Cassandra driver, SSH: their failures are reported by Ringside, naming what failed).
 */
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.setCharset(OutputEncoding.of("stderr"));
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("org.apache.kafka").setLevel(Level.ERROR);
        context.getLogger("com.datastax.oss.driver").setLevel(Level.ERROR);
        context.getLogger("redis.clients").setLevel(Level.WARN);
        context.getLogger("org.eclipse.aether").setLevel(Level.WARN);
        context.getLogger("org.apache.sshd").setLevel(Level.ERROR);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
