package dev.eddy.bench.jmh;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The stored form of a ~1 KB item of mixed types: written on every put, read on every get. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ItemCodecBenchmark {
    private Map<String, AttributeValue> item;
    private byte[] encoded;

    @Setup
    public void setUp() {
        item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("customer#0000012345"));
        item.put("sk", AttributeValue.n("1735689600123"));
        item.put("name", AttributeValue.s("Ada Lovelace"));
        item.put("balance", AttributeValue.n("-1234.5678"));
        item.put("active", AttributeValue.Bool.TRUE);
        item.put("tags", new AttributeValue.SS(new LinkedHashSet<>(List.of("gold", "early", "eu-west"))));
        Map<String, AttributeValue> address = new LinkedHashMap<>();
        address.put("street", AttributeValue.s("12 Analytical Engine Row"));
        address.put("city", AttributeValue.s("London"));
        address.put("zip", AttributeValue.s("W1 1AA"));
        item.put("address", new AttributeValue.M(address));
        item.put("scores", new AttributeValue.L(List.of(AttributeValue.n("1"), AttributeValue.n("2.5"), AttributeValue.n("300"))));
        item.put("notes", AttributeValue.s("x".repeat(820)));
        encoded = ItemCodec.encode(item);
    }

    @Benchmark
    public byte[] encode() {
        return ItemCodec.encode(item);
    }

    @Benchmark
    public Map<String, AttributeValue> decode() {
        return ItemCodec.decode(encoded);
    }
}
