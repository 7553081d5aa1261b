package dev.eddy.streams.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.operation.ApiRequest;
import dev.eddy.api.operation.Operation;
import dev.eddy.api.operation.Response;
import dev.eddy.core.changelog.SequenceNumbers;
import dev.eddy.core.changelog.ShardView;
import dev.eddy.core.changelog.StreamView;
import dev.eddy.streams.Messages;
import dev.eddy.streams.ShardIterators;
import dev.eddy.streams.StreamArns;
import dev.eddy.streams.Streams;
import java.util.List;

/**
 * GetShardIterator: a position in a shard. TRIM_HORIZON is the oldest record not trimmed,
 * LATEST just after the newest record, AT/AFTER_SEQUENCE_NUMBER at or after a sequence
 * number of the shard's range.
 */
public final class GetShardIterator implements Operation {
    private static final List<String> TYPES = List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
    private final ShardIterators iterators;

    public GetShardIterator(ShardIterators iterators) {
        this.iterators = iterators;
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        String arn = in.string("StreamArn");
        String shardId = in.string("ShardId");
        String type = in.string("ShardIteratorType");
        String sequenceNumber = in.string("SequenceNumber");
        new Constraints()
                .notNull("streamArn", arn)
                .length("streamArn", arn, StreamArns.MIN_LENGTH, StreamArns.MAX_LENGTH)
                .notNull("shardId", shardId)
                .length("shardId", shardId, Streams.SHARD_ID_MIN, Streams.SHARD_ID_MAX)
                .notNull("shardIteratorType", type)
                .oneOf("shardIteratorType", type, TYPES)
                .length("sequenceNumber", sequenceNumber, SequenceNumbers.DIGITS, 40)
                .throwIfAny();
        StreamArns.require(arn);
        boolean bySequence = type.endsWith("SEQUENCE_NUMBER");
        if (bySequence && sequenceNumber == null) throw Messages.sequenceNumberRequired(type);
        if (!bySequence && sequenceNumber != null) throw Messages.sequenceNumberNotAllowed(type);
        StreamView stream = Streams.require(request, arn);
        ShardView shard = stream.shard(shardId);
        if (shard == null) throw Messages.shardNotFound();
        long position = switch (type) {
            case "TRIM_HORIZON" -> shard.trimHorizon();
            case "LATEST" -> shard.lastSequence() + 1;
            default -> {
                long sequence = SequenceNumbers.parse(sequenceNumber);
                long last = Math.max(shard.lastSequence(), shard.startingSequence());
                if (sequence < shard.startingSequence() || sequence > last) {
                    throw Messages.invalidSequenceNumber(sequenceNumber, shardId);
                }
                if (sequence < shard.trimHorizon()) throw Messages.trimmed();
                yield type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence + 1;
            }
        };
        String iterator = iterators.encode(new ShardIterators.Position(arn, shardId, position, request.received()));
        return g -> {
            g.writeStartObject();
            g.writeStringField("ShardIterator", iterator);
            g.writeEndObject();
        };
    }
}
