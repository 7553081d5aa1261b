package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource: adds or overwrites tags on a table or its latest stream. The request's tags are
 * checked alone before the resource is looked up, and again merged with the tags it has.
 */
public final class TagResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        List<Tagging.Tag> tags = Tagging.read(request.body());
        Tagging.requireArn(arn);
        new Constraints().notNull("tags", tags).throwIfAny();
        Tagging.Resource resource = Tagging.parseArn(request, arn);
        if (tags.isEmpty()) {
            throw new DynamoException(ErrorCode.VALIDATION, "Atleast one Tag needs to be provided as Input.");
        }
        Map<String, String> requested = Tagging.check(tags);
        TableDefinition t = Tagging.table(request, resource);
        request.emulator().catalog().update(t.region(), t.name(), current -> {
            Map<String, String> merged = new LinkedHashMap<>(Tagging.tags(current, resource));
            merged.putAll(requested);
            Tagging.checkSet(merged);
            return Tagging.withTags(current, resource, merged);
        });
        return Response.NO_BODY;
    }
}
