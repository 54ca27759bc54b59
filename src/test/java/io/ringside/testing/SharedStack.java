package io.ringside.testing;

import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.StackOptions;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real local stack (Cassandra, Kafka, Redis) for the whole test run, started on first use in
 * a temporary data folder with the ports of {@link TestPorts#SHARED_STACK} (a developer's own stack
 * may be running on the defaults) and stopped when the run ends. Test classes declare
 * {@code @ExtendWith(SharedStack.class)} and take a {@link TestStack} parameter.
 */
public final class SharedStack implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedStack.class, key -> start(), Running.class)
                .stack();
    }

    private static Running start() {
        Path data;
        try {
            data = Files.createTempDirectory("ringside-test-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackOptions options = TestPorts.SHARED_STACK.stack(data);
        StackSupervisor supervisor = new StackSupervisor(new LocalStack(options));
        StackState state = supervisor.start(event -> System.err.println("[shared stack] " + event.describe()));
        return new Running(supervisor, new TestStack(data, state));
    }

    /** Stopped by JUnit when the root context closes, i.e. at the end of the run. */
    private record Running(StackSupervisor supervisor, TestStack stack)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            supervisor.close();
            TempFolders.deleteQuietly(stack.dataFolder());
        }
    }
}
