package dev.eddy.streams;

import dev.eddy.api.operation.ApiRequest;
import dev.eddy.core.changelog.StreamView;

/** Lookups and limits the Streams operations share. */
public final class Streams {
    public static final int SHARD_ID_MIN = 28;
    public static final int SHARD_ID_MAX = 65;

    private Streams() {
    }

    /** The stream of a well-formed ARN in the request's region, or ResourceNotFoundException. */
    public static StreamView require(ApiRequest request, String arn) {
        StreamView stream = request.emulator().changeLog().stream(arn);
        if (stream == null || !stream.region().equals(request.region())) throw Messages.streamNotFound(arn);
        return stream;
    }
}
