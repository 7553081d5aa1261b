package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UntagResource: removes the named tag keys from a table or its latest stream; unknown keys are ignored. */
public final class UntagResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        List<String> keys = request.body().strings("TagKeys");
        Tagging.requireArn(arn);
        new Constraints().notNull("tagKeys", keys).throwIfAny();
        Tagging.Resource resource = Tagging.parseArn(request, arn);
        if (keys.isEmpty()) {
            throw new DynamoException(ErrorCode.VALIDATION, "Atleast one Tag Key needs to be provided as Input.");
        }
        for (String k : keys) Tagging.checkKey(k);
        if (keys.size() > Tagging.MAX_TAGS) throw Tagging.tooMany();
        TableDefinition t = Tagging.table(request, resource);
        request.emulator().catalog().update(t.region(), t.name(), current -> {
            Map<String, String> remaining = new LinkedHashMap<>(Tagging.tags(current, resource));
            if (!remaining.keySet().removeAll(keys)) return current;
            return Tagging.withTags(current, resource, remaining);
        });
        return Response.NO_BODY;
    }
}
