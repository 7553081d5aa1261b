package dev.eddy.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A consumer as the AWS documentation describes one: lists every shard (paging
 * DescribeStream), reads a shard only after its parent is read to its end, and follows
 * NextShardIterator until a closed shard has no more. Remembers where each open shard stopped.
 */
final class StreamConsumer {
    private final DynamoDbStreamsClient streams = Clients.streams();
    private final String streamArn;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Map<String, String> lastSequence = new HashMap<>();

    StreamConsumer(String streamArn) {
        this.streamArn = streamArn;
    }

    static String streamArnOf(String table) {
        return Clients.dynamo().describeTable(r -> r.tableName(table)).table().latestStreamArn();
    }

    /** Every shard of the stream, all pages. */
    static List<Shard> shards(String streamArn) {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            DescribeStreamResponse d = Clients.streams().describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from));
            shards.addAll(d.streamDescription().shards());
            start = d.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    /** Reads everything readable now, in lineage order; returns the new records. */
    List<Record> poll() {
        List<Record> out = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            List<Shard> shards = shards(streamArn);
            Set<String> known = new HashSet<>();
            for (Shard s : shards) known.add(s.shardId());
            for (Shard s : shards) {
                if (finished.contains(s.shardId())) continue;
                String parent = s.parentShardId();
                if (parent != null && known.contains(parent) && !finished.contains(parent)) continue;
                int before = out.size();
                boolean ended = drain(s.shardId(), out);
                if (ended) {
                    finished.add(s.shardId());
                    progress = true;
                }
                if (out.size() > before) progress = true;
            }
        }
        return out;
    }

    private boolean drain(String shardId, List<Record> out) {
        String iterator = iterators.get(shardId);
        if (iterator == null) iterator = resume(shardId);
        while (true) {
            String from = iterator;
            GetRecordsResponse page;
            try {
                page = streams.getRecords(r -> r.shardIterator(from));
            } catch (ExpiredIteratorException e) {
                // As a consumer must: a fresh iterator just after the last record read.
                iterator = resume(shardId);
                continue;
            }
            out.addAll(page.records());
            if (!page.records().isEmpty()) {
                lastSequence.put(shardId, page.records().get(page.records().size() - 1).dynamodb().sequenceNumber());
            }
            if (page.nextShardIterator() == null) {
                iterators.remove(shardId);
                return true;
            }
            iterator = page.nextShardIterator();
            if (page.records().isEmpty()) {
                iterators.put(shardId, iterator);
                return false;
            }
        }
    }

    private String resume(String shardId) {
        String after = lastSequence.get(shardId);
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(after == null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber(after)).shardIterator();
    }

    Set<String> finishedShards() {
        return finished;
    }
}
