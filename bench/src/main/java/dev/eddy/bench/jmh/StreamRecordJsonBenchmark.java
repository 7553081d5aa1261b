package dev.eddy.bench.jmh;

import dev.eddy.api.json.JsonBytes;
import dev.eddy.core.changelog.EventName;
import dev.eddy.core.changelog.StreamRecord;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.EncodedItem;
import dev.eddy.core.table.StreamSpecification.ViewType;
import dev.eddy.core.write.WriteOrigin;
import dev.eddy.streams.StreamRecordJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * A GetRecords body's records: a thousand MODIFY records of ~1 KB items with both images,
 * as the stream read-back of {@code bench/compare} reads them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamRecordJsonBenchmark {
    private final List<StreamRecord> records = new ArrayList<>();

    @Setup
    public void setUp() {
        for (int i = 0; i < 1000; i++) {
            Map<String, AttributeValue> keys = Map.of("pk", AttributeValue.s("k" + i));
            Map<String, AttributeValue> item = new LinkedHashMap<>(keys);
            item.put("seq", AttributeValue.n(Integer.toString(i)));
            item.put("data", AttributeValue.s("abcdefghijklmnopqrstuvwxyz".repeat(38)));
            records.add(new StreamRecord(100_000L + i, "0f8e1c2b3a4d5e6f7a8b9c0d1e2f3a4b", EventName.MODIFY,
                    Instant.ofEpochSecond(1_796_198_487L), WriteOrigin.CLIENT, ViewType.NEW_AND_OLD_IMAGES,
                    EncodedItem.of(keys), EncodedItem.of(item), EncodedItem.of(item), 2_100));
        }
    }

    @Benchmark
    public int writeThousandRecords() {
        JsonBytes out = JsonBytes.reusing(2 << 20);
        StreamRecordJson json = new StreamRecordJson(out, "us-east-1");
        for (StreamRecord r : records) {
            if (out.size() > 0) out.raw(',');
            json.write(r);
        }
        return out.size();
    }
}
