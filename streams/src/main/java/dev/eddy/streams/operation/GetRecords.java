package dev.eddy.streams.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonBytes;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.operation.ApiRequest;
import dev.eddy.api.operation.Operation;
import dev.eddy.api.operation.Response;
import dev.eddy.core.changelog.ChangeLog;
import dev.eddy.core.changelog.ReadResult;
import dev.eddy.streams.Messages;
import dev.eddy.streams.ShardIterators;
import dev.eddy.streams.StreamRecordJson;
import java.time.Instant;

/**
 * GetRecords: up to Limit (at most 1000) records and 1 MB from an iterator's position, and
 * the iterator after them; none once a closed shard is read to its end.
 */
public final class GetRecords implements Operation {
    private static final int MAX_LIMIT = 1000;
    private static final long MAX_BYTES = 1024 * 1024;
    private static final byte[] NEXT_SHARD_ITERATOR = JsonBytes.ascii("\"NextShardIterator\":");
    private static final byte[] RECORDS = JsonBytes.ascii("\"Records\":[");
    private final ShardIterators iterators;

    public GetRecords(ShardIterators iterators) {
        this.iterators = iterators;
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        String iterator = in.string("ShardIterator");
        Integer limit = in.integer("Limit");
        new Constraints()
                .notNull("shardIterator", iterator)
                .length("shardIterator", iterator, 1, 2048)
                .range("limit", limit == null ? null : limit.longValue(), 1, MAX_LIMIT)
                .throwIfAny();
        ShardIterators.Position at = iterators.decode(iterator);
        Instant now = request.received();
        if (now.isAfter(at.issued().plus(ShardIterators.LIFETIME))) {
            throw Messages.expiredIterator(at.issued(), now, ShardIterators.LIFETIME.toMillis());
        }
        // The records are written as they are read, after room for the members before them,
        // which need the position after the last record.
        int room = headRoom(iterator);
        JsonBytes out = JsonBytes.reusing(room + 64 * 1024).position(room);
        StreamRecordJson records = new StreamRecordJson(out, regionOf(at.streamArn()));
        ReadResult result;
        try {
            result = request.emulator().changeLog().read(at.streamArn(), at.shardId(), at.sequence(),
                    limit == null ? MAX_LIMIT : limit, MAX_BYTES, r -> {
                        if (out.size() > room) out.raw(',');
                        records.write(r);
                    });
        } catch (ChangeLog.TrimmedException e) {
            throw Messages.trimmed();
        }
        if (result == null) {
            if (request.emulator().changeLog().stream(at.streamArn()) == null) throw Messages.streamNotFound(at.streamArn());
            throw Messages.shardNotFound();
        }
        out.raw(']').raw('}');
        String next = result.shardEnded() ? null
                : iterators.encode(new ShardIterators.Position(at.streamArn(), at.shardId(), result.nextPosition(), now));
        JsonBytes head = new JsonBytes(room).raw('{');
        if (next != null) head.raw(NEXT_SHARD_ITERATOR).string(next).raw(',');
        head.raw(RECORDS);
        int offset = room - head.size();
        System.arraycopy(head.buffer(), 0, out.buffer(), offset, head.size());
        return Response.written(out.buffer(), offset, out.size() - offset);
    }

    /**
     * Room enough for the members before the records: the next iterator is as long as this
     * one (the same stream and shard, and a position of fixed width), escaped at worst six
     * bytes a character.
     */
    private static int headRoom(String iterator) {
        return NEXT_SHARD_ITERATOR.length + RECORDS.length + 4 + 6 * iterator.length();
    }

    /** The fourth field of {@code arn:aws:dynamodb:<region>:...}. */
    private static String regionOf(String streamArn) {
        int start = streamArn.indexOf(':', streamArn.indexOf(':', streamArn.indexOf(':') + 1) + 1) + 1;
        return streamArn.substring(start, streamArn.indexOf(':', start));
    }
}
