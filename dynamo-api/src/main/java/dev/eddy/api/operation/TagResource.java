package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource: adds or overwrites tags on a table, at most 50 in all. */
public final class TagResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        Constraints c = new Constraints();
        c.notNull("resourceArn", arn).length("resourceArn", arn, 1, 1283);
        Map<String, String> tags = Tagging.read(request.body(), "tags", c);
        c.notNull("tags", tags);
        c.throwIfAny();
        Tagging.check(tags);
        TableDefinition t = Tagging.table(request, arn);
        request.emulator().catalog().update(t.region(), t.name(), current -> {
            Map<String, String> merged = new LinkedHashMap<>(current.tags());
            merged.putAll(tags);
            if (merged.size() > Tagging.MAX_TAGS) {
                throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
                        "The number of tags for the resource exceeds the limit of " + Tagging.MAX_TAGS);
            }
            return current.toBuilder().tags(merged).build();
        });
        return Response.EMPTY;
    }
}
