package dev.eddy.streams.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.operation.ApiRequest;
import dev.eddy.api.operation.Operation;
import dev.eddy.api.operation.Response;
import dev.eddy.core.changelog.SequenceNumbers;
import dev.eddy.core.changelog.ShardView;
import dev.eddy.core.changelog.StreamView;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.streams.Messages;
import dev.eddy.streams.StreamArns;
import dev.eddy.streams.Streams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * DescribeStream: the stream and its shards in shard id order, paged by ExclusiveStartShardId;
 * ShardFilter CHILD_SHARDS keeps the children of one shard.
 */
public final class DescribeStream implements Operation {
    private static final int MAX_LIMIT = 100;

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        String arn = in.string("StreamArn");
        Integer limit = in.integer("Limit");
        String start = in.string("ExclusiveStartShardId");
        JsonObject filter = in.object("ShardFilter");
        String filterType = filter == null ? null : filter.string("Type");
        String filterShard = filter == null ? null : filter.string("ShardId");
        Constraints c = new Constraints()
                .notNull("streamArn", arn)
                .length("streamArn", arn, StreamArns.MIN_LENGTH, StreamArns.MAX_LENGTH)
                .range("limit", limit == null ? null : limit.longValue(), 1, MAX_LIMIT)
                .length("exclusiveStartShardId", start, Streams.SHARD_ID_MIN, Streams.SHARD_ID_MAX);
        if (filter != null) {
            c.oneOf("shardFilter.type", filterType, List.of("CHILD_SHARDS"))
                    .length("shardFilter.shardId", filterShard, Streams.SHARD_ID_MIN, Streams.SHARD_ID_MAX);
        }
        c.throwIfAny();
        StreamArns.require(arn);
        if ("CHILD_SHARDS".equals(filterType) && filterShard == null) throw Messages.shardIdRequiredForChildShards();
        StreamView stream = Streams.require(request, arn);
        int max = limit == null ? MAX_LIMIT : limit;
        List<ShardView> page = new ArrayList<>();
        boolean more = false;
        for (ShardView s : stream.shards()) {
            if (filterShard != null && !filterShard.equals(s.parentShardId())) continue;
            if (start != null && s.shardId().compareTo(start) <= 0) continue;
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(s);
        }
        String lastEvaluated = more ? page.get(page.size() - 1).shardId() : null;
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("StreamDescription");
            g.writeFieldName("CreationRequestDateTime");
            g.writeNumber(BigDecimal.valueOf(stream.created().toEpochMilli(), 3));
            g.writeArrayFieldStart("KeySchema");
            writeKey(g, stream.keySchema().partitionKey(), "HASH");
            if (stream.keySchema().hasSortKey()) writeKey(g, stream.keySchema().sortKey(), "RANGE");
            g.writeEndArray();
            if (lastEvaluated != null) g.writeStringField("LastEvaluatedShardId", lastEvaluated);
            g.writeArrayFieldStart("Shards");
            for (ShardView s : page) {
                g.writeStartObject();
                if (s.parentShardId() != null) g.writeStringField("ParentShardId", s.parentShardId());
                g.writeObjectFieldStart("SequenceNumberRange");
                if (!s.isOpen()) g.writeStringField("EndingSequenceNumber", SequenceNumbers.format(s.endingSequence()));
                g.writeStringField("StartingSequenceNumber", SequenceNumbers.format(s.startingSequence()));
                g.writeEndObject();
                g.writeStringField("ShardId", s.shardId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("StreamArn", stream.arn());
            g.writeStringField("StreamLabel", stream.label());
            g.writeStringField("StreamStatus", stream.status().name());
            g.writeStringField("StreamViewType", stream.viewType().name());
            g.writeStringField("TableName", stream.tableName());
            g.writeEndObject();
            g.writeEndObject();
        };
    }

    private static void writeKey(com.fasterxml.jackson.core.JsonGenerator g, KeyAttribute k, String keyType)
            throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("AttributeName", k.name());
        g.writeStringField("KeyType", keyType);
        g.writeEndObject();
    }
}
