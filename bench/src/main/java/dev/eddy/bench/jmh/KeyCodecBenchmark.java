package dev.eddy.bench.jmh;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.KeyCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The order-preserving key encoding, run for every key of every read and write. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyCodecBenchmark {
    private final AttributeValue smallNumber = AttributeValue.n("42");
    private final AttributeValue wideNumber = AttributeValue.n("-12345678901234567890.123456789012345678");
    private final AttributeValue string = AttributeValue.s("customer#0000012345/order#2025-01-01T00:00:00Z");

    @Benchmark
    public byte[] smallNumber() {
        return KeyCodec.encode(smallNumber);
    }

    @Benchmark
    public byte[] numberOf38Digits() {
        return KeyCodec.encode(wideNumber);
    }

    @Benchmark
    public byte[] string() {
        return KeyCodec.encode(string);
    }
}
