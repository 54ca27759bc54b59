package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The server CPU figure of an INFO answer, from the main thread where Redis reports it. */
class InfoSnapshotTest {

    @Test
    void mainThreadCpuIsPreferredOverTheWholeProcess() {
        InfoSnapshot info = InfoSnapshot.parse(Instant.EPOCH, String.join("\r\n",
                "# CPU", "used_cpu_sys:4.500000", "used_cpu_user:9.250000", "used_cpu_sys_children:0.000000",
                "used_cpu_sys_main_thread:1.250000", "used_cpu_user_main_thread:2.500000", ""));
        assertEquals(3.75, info.mainThreadCpuSeconds(), 1e-9);
    }

    @Test
    void aServerWithoutMainThreadFiguresReportsTheWholeProcess() {
        InfoSnapshot info = InfoSnapshot.parse(Instant.EPOCH, "# CPU\r\nused_cpu_sys:4.5\r\nused_cpu_user:9.25\r\n");
        assertEquals(13.75, info.mainThreadCpuSeconds(), 1e-9);
    }
}
