package dev.eddy.api.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A successful response body, written straight to the output as JSON. */
@FunctionalInterface
public interface Response {
    Response EMPTY = g -> {
        g.writeStartObject();
        g.writeEndObject();
    };

    /** An empty body, not even "{}": what AWS answers TagResource and UntagResource with. */
    Response NO_BODY = new Written(new byte[0], 0, 0);

    void write(JsonGenerator g) throws IOException;

    /**
     * A body already written as UTF-8 JSON, {@code length} bytes at {@code offset} of
     * {@code json} (e.g. in a {@code JsonBytes}'s buffer): sent as it is.
     */
    static Response written(byte[] json, int offset, int length) {
        return new Written(json, offset, length);
    }

    /** See {@link #written}; the protocol sends {@code json} without a generator. */
    record Written(byte[] json, int offset, int length) implements Response {
        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeRawValue(new String(json, offset, length, StandardCharsets.UTF_8));
        }
    }
}
