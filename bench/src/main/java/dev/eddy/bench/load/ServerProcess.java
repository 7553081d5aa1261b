package dev.eddy.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time and resident memory of a process, read from Linux's {@code /proc}: the
 * server under load, given by its pid, and the driver itself.
 */
public final class ServerProcess {
    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicksPerSecond();

    private final long pid;

    public ServerProcess(long pid) {
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }

    /** User plus system CPU time of every thread, at the kernel's tick resolution (10 ms). */
    public long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may hold spaces; fields are counted after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** VmRSS in kilobytes. */
    public long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException("no VmRSS for process " + pid);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of process " + pid + ": " + e.getMessage(), e);
        }
    }

    public boolean alive() {
        return Files.exists(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The driver's own CPU time, in nanoseconds (JIT and GC threads included). */
    public static long driverCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return new ServerProcess(ProcessHandle.current().pid()).cpuNanos();
    }

    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
