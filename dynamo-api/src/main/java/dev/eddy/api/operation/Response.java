package dev.eddy.api.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A successful response body, written straight to the output as JSON. */
@FunctionalInterface
public interface Response {
    Response EMPTY = g -> {
        g.writeStartObject();
        g.writeEndObject();
    };

    void write(JsonGenerator g) throws IOException;
}
