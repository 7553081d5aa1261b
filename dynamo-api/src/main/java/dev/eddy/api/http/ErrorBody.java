package dev.eddy.api.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes an error as AWS does: {@code __type}, the message, and any extra members. */
final class ErrorBody {
    private ErrorBody() {
    }

    static void write(JsonGenerator g, DynamoException e) throws IOException {
        g.writeStartObject();
        g.writeStringField("__type", e.code().type());
        if (e.getMessage() != null) g.writeStringField(messageMember(e), e.getMessage());
        for (Map.Entry<String, Object> extra : e.extra().entrySet()) {
            g.writeFieldName(extra.getKey());
            writeValue(g, extra.getValue());
        }
        g.writeEndObject();
    }

    /**
     * Most of DynamoDB's errors carry their text as {@code message}. The coral front end's
     * (SerializationException) carries it as {@code Message}, and so do the three transaction
     * errors the SDKs' model gives a {@code Message} member, and a ConditionalCheckFailedException
     * that returns the item (recorded from AWS: SDKs whose model names the member {@code message}
     * find none in that answer).
     */
    private static String messageMember(DynamoException e) {
        boolean capital = switch (e.code()) {
            case SERIALIZATION, TRANSACTION_CANCELED, TRANSACTION_IN_PROGRESS, IDEMPOTENT_PARAMETER_MISMATCH -> true;
            case CONDITIONAL_CHECK_FAILED -> e.extra().containsKey("Item");
            default -> false;
        };
        return capital ? "Message" : "message";
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof AttributeValue av) {
            AttributeValueJson.write(g, av);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) writeValue(g, o);
            g.writeEndArray();
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(value));
        }
    }
}
