package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.data.DataServices;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that hosts a worker and is ended by SIGTERM, closing nothing itself (a console killed
 * from a terminal), leaves the workers' group at once instead of when its session times out (10 s),
 * so a command submitted right after does not wait on a member that will never take its job.
 */
@ExtendWith(SharedStack.class)
class WorkerShutdownTest {

    @TempDir
    Path dir;

    @Test
    void aWorkerProcessEndedBySigtermLeavesTheGroupWellWithinTheSessionTimeout(TestStack stack) throws Exception {
        Path log = dir.resolve("hosted-worker.log");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.state().kafka().bootstrap()))) {
            Set<String> before = members(admin);
            Process hosted = JobFixtures.startJvm(log, List.of(HostedWorker.class.getName(),
                    stack.dataFolder().toString()));
            try {
                String member = Await.value("the hosted worker to join the group", Duration.ofMinutes(1), () -> {
                    if (!hosted.isAlive()) {
                        throw new AssertionError("the hosted worker exited early: " + JobFixtures.read(log));
                    }
                    Set<String> joined = new HashSet<>(members(admin));
                    joined.removeAll(before);
                    return joined.size() == 1 ? joined.iterator().next() : null;
                });
                long killed = System.nanoTime();
                hosted.destroy(); // SIGTERM
                Await.until("member " + member + " to leave the group", Duration.ofSeconds(30),
                        () -> !members(admin).contains(member));
                long leftMs = (System.nanoTime() - killed) / 1_000_000;
                assertTrue(hosted.waitFor(30, TimeUnit.SECONDS), JobFixtures.read(log));
                // without the hook it stays until the broker drops it: 10 s after its last heartbeat
                assertTrue(leftMs < 4_000, "left the group " + leftMs + " ms after SIGTERM: " + JobFixtures.read(log));
            } finally {
                hosted.destroyForcibly();
            }
        }
    }

    /**
     * {@link Worker#close()} wakes its request consumer out of its poll instead of waiting for the
     * poll to end; a wake-up left pending would make the consumer's leave fail quietly, and the
     * member would stay until its session times out (10 s), so the next command's worker check would
     * see a worker that never takes its job.
     */
    @Test
    void aClosedWorkerHasLeftTheGroupWhenCloseReturns(TestStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.state().kafka().bootstrap()));
             DataServices services = new DataServices(Backends.forProfile(ConnectionProfile.LOCAL, stack.dataFolder()),
                     stack.dataFolder())) {
            Set<String> before = members(admin);
            Worker worker = new Worker(services, stack.dataFolder(), ConnectionProfile.LOCAL, 1, null, line -> { });
            String member;
            try {
                member = Await.value("the worker to join the group", Duration.ofMinutes(1), () -> {
                    Set<String> joined = new HashSet<>(members(admin));
                    joined.removeAll(before);
                    return joined.size() == 1 ? joined.iterator().next() : null;
                });
            } finally {
                worker.close();
            }
            Await.until("member " + member + " to be gone well before its session would time out",
                    Duration.ofSeconds(3), () -> !members(admin).contains(member));
        }
    }

    private static Set<String> members(Admin admin) {
        try {
            return admin.describeConsumerGroups(List.of(Worker.GROUP)).all().get(10, TimeUnit.SECONDS).get(Worker.GROUP)
                    .members().stream().map(MemberDescription::consumerId)
                    .collect(Collectors.toSet());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Set.of(); // no member ever, or the last one left
            }
            throw new AssertionError("cannot describe the workers' group: " + e, e);
        } catch (Exception e) {
            throw new AssertionError("cannot describe the workers' group: " + e, e);
        }
    }

    /** Hosts a worker as the console does, and waits to be killed without closing anything. */
    public static final class HostedWorker {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            DataServices services = new DataServices(Backends.forProfile(ConnectionProfile.LOCAL, data), data);
            new Worker(services, data, ConnectionProfile.LOCAL, 1, null, System.out::println);
            System.out.println("hosted worker ready");
            new CountDownLatch(1).await();
        }
    }
}
