package dev.eddy.streams.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonBytes;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.operation.ApiRequest;
import dev.eddy.api.operation.Operation;
import dev.eddy.api.operation.Response;
import dev.eddy.core.changelog.ChangeLog;
import dev.eddy.core.changelog.ReadResult;
import dev.eddy.core.changelog.StreamRecord;
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
    /** Record members and the JSON of attribute types, beyond the SizeBytes of a record's images. */
    private static final int RECORD_OVERHEAD_ESTIMATE = 512;
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
        ReadResult result;
        try {
            result = request.emulator().changeLog().read(at.streamArn(), at.shardId(), at.sequence(),
                    limit == null ? MAX_LIMIT : limit, MAX_BYTES);
        } catch (ChangeLog.TrimmedException e) {
            throw Messages.trimmed();
        }
        if (result == null) {
            if (request.emulator().changeLog().stream(at.streamArn()) == null) throw Messages.streamNotFound(at.streamArn());
            throw Messages.shardNotFound();
        }
        String next = result.shardEnded() ? null
                : iterators.encode(new ShardIterators.Position(at.streamArn(), at.shardId(), result.nextPosition(), now));
        JsonBytes body = body(next, result, regionOf(at.streamArn()));
        return Response.written(body.buffer(), body.size());
    }

    /**
     * The body, written at once rather than through a generator: records are most of it, and
     * their keys and images are copied from their stored bytes.
     */
    private static JsonBytes body(String next, ReadResult result, String region) {
        long estimate = 64;
        for (StreamRecord r : result.records()) estimate += r.sizeBytes() + RECORD_OVERHEAD_ESTIMATE;
        JsonBytes out = new JsonBytes((int) Math.min(estimate, 4 * MAX_BYTES));
        out.raw('{');
        if (next != null) out.raw(NEXT_SHARD_ITERATOR).string(next).raw(',');
        out.raw(RECORDS);
        StreamRecordJson records = new StreamRecordJson(out, region);
        boolean first = true;
        for (StreamRecord r : result.records()) {
            if (!first) out.raw(',');
            first = false;
            records.write(r);
        }
        out.raw(']').raw('}');
        return out;
    }

    /** The fourth field of {@code arn:aws:dynamodb:<region>:...}. */
    private static String regionOf(String streamArn) {
        int start = streamArn.indexOf(':', streamArn.indexOf(':', streamArn.indexOf(':') + 1) + 1) + 1;
        return streamArn.substring(start, streamArn.indexOf(':', start));
    }
}
