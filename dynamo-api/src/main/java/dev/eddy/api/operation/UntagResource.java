package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UntagResource: removes the named tag keys from a table; unknown keys are ignored. */
public final class UntagResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        List<String> keys = request.body().strings("TagKeys");
        Constraints c = new Constraints();
        c.notNull("resourceArn", arn).length("resourceArn", arn, 1, 1283);
        c.notNull("tagKeys", keys);
        c.throwIfAny();
        TableDefinition t = Tagging.table(request, arn);
        request.emulator().catalog().update(t.region(), t.name(), current -> {
            Map<String, String> remaining = new LinkedHashMap<>(current.tags());
            remaining.keySet().removeAll(keys);
            return current.toBuilder().tags(remaining).build();
        });
        return Response.EMPTY;
    }
}
