package dev.eddy.streams.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.operation.ApiRequest;
import dev.eddy.api.operation.Operation;
import dev.eddy.api.operation.Response;
import dev.eddy.core.changelog.StreamView;
import dev.eddy.streams.StreamArns;
import java.util.ArrayList;
import java.util.List;

/**
 * ListStreams: the region's streams in ARN order, of one table when TableName is given,
 * disabled ones included until they expire; paged by ExclusiveStartStreamArn.
 */
public final class ListStreams implements Operation {
    private static final int MAX_LIMIT = 100;

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        String tableName = in.string("TableName");
        Integer limit = in.integer("Limit");
        String start = in.string("ExclusiveStartStreamArn");
        new Constraints()
                .name("tableName", tableName, false)
                .range("limit", limit == null ? null : limit.longValue(), 1, MAX_LIMIT)
                .length("exclusiveStartStreamArn", start, StreamArns.MIN_LENGTH, StreamArns.MAX_LENGTH)
                .throwIfAny();
        if (start != null) StreamArns.require(start);
        int max = limit == null ? MAX_LIMIT : limit;
        List<StreamView> page = new ArrayList<>();
        boolean more = false;
        for (StreamView s : request.emulator().changeLog().streams(request.region())) {
            if (tableName != null && !s.tableName().equals(tableName)) continue;
            if (start != null && s.arn().compareTo(start) <= 0) continue;
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(s);
        }
        String lastEvaluated = more ? page.get(page.size() - 1).arn() : null;
        return g -> {
            g.writeStartObject();
            if (lastEvaluated != null) g.writeStringField("LastEvaluatedStreamArn", lastEvaluated);
            g.writeArrayFieldStart("Streams");
            for (StreamView s : page) {
                g.writeStartObject();
                g.writeStringField("StreamArn", s.arn());
                g.writeStringField("StreamLabel", s.label());
                g.writeStringField("TableName", s.tableName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }
}
