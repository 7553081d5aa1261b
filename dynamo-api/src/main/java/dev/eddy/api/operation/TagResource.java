package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** TagResource: adds or overwrites tags on a table, at most 50 in all. */
public final class TagResource implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String arn = request.body().string("ResourceArn");
        List<Tagging.Tag> tags = Tagging.read(request.body());
        Tagging.requireArn(arn);
        new Constraints().notNull("tags", tags).throwIfAny();
        Matcher parsed = Tagging.parseArn(request, arn);
        if (tags.isEmpty()) {
            throw new DynamoException(ErrorCode.VALIDATION, "Atleast one Tag needs to be provided as Input.");
        }
        Map<String, String> requested = Tagging.check(tags, 0);
        TableDefinition t = Tagging.table(request, arn, parsed);
        request.emulator().catalog().update(t.region(), t.name(), current -> {
            Map<String, String> merged = new LinkedHashMap<>(current.tags());
            merged.putAll(requested);
            if (merged.size() > Tagging.MAX_TAGS) throw Tagging.tooMany();
            return current.toBuilder().tags(merged).build();
        });
        return Response.NO_BODY;
    }
}
