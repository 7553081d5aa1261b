package dev.eddy.api.operation;

import java.util.Map;

/**
 * ListTagsOfResource: every tag of a table, or of its latest stream, in one page (at most 50
 * exist); a bad NextToken is ignored, as on AWS.
 */
public final class ListTagsOfResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        request.body().string("NextToken");
        Tagging.requireArn(arn);
        Tagging.Resource resource = Tagging.parseArn(request, arn);
        Map<String, String> tags = Tagging.tags(Tagging.table(request, resource), resource);
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Tags");
            for (Map.Entry<String, String> e : tags.entrySet()) {
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
