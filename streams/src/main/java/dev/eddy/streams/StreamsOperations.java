package dev.eddy.streams;

import dev.eddy.api.operation.Operation;
import dev.eddy.api.operation.Service;
import dev.eddy.core.Emulator;
import dev.eddy.streams.operation.DescribeStream;
import dev.eddy.streams.operation.GetRecords;
import dev.eddy.streams.operation.GetShardIterator;
import dev.eddy.streams.operation.ListStreams;
import java.util.Map;
import java.util.TreeMap;

/** Every DynamoDB Streams operation Eddy serves, by the name in {@code X-Amz-Target}. */
public final class StreamsOperations {
    public static final String TARGET_PREFIX = "DynamoDBStreams_20120810";

    private StreamsOperations() {
    }

    public static Service service(Emulator emulator) {
        ShardIterators iterators = new ShardIterators(emulator.changeLog().iteratorKey());
        Map<String, Operation> ops = new TreeMap<>();
        ops.put("DescribeStream", new DescribeStream());
        ops.put("GetRecords", new GetRecords(iterators));
        ops.put("GetShardIterator", new GetShardIterator(iterators));
        ops.put("ListStreams", new ListStreams());
        return new Service(TARGET_PREFIX, ops);
    }
}
