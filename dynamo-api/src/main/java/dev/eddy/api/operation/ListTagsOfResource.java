package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.table.TableDefinition;
import java.util.Map;

/** ListTagsOfResource: every tag of a table in one page (at most 50 exist). */
public final class ListTagsOfResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        request.body().string("NextToken");
        Constraints c = new Constraints();
        c.notNull("resourceArn", arn).length("resourceArn", arn, 1, 1283);
        c.throwIfAny();
        TableDefinition t = Tagging.table(request, arn);
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Tags");
            for (Map.Entry<String, String> e : t.tags().entrySet()) {
                g.writeStartObject();
                g.writeStringField("Key", e.getKey());
                g.writeStringField("Value", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }
}
