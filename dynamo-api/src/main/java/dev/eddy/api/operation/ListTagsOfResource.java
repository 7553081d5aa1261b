package dev.eddy.api.operation;

import dev.eddy.core.table.TableDefinition;
import java.util.Map;

/** ListTagsOfResource: every tag of a table in one page (at most 50 exist); a bad NextToken is ignored, as on AWS. */
public final class ListTagsOfResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        request.body().string("NextToken");
        Tagging.requireArn(arn);
        TableDefinition t = Tagging.table(request, Tagging.parseArn(request, arn));
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
