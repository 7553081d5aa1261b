package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TimeToLive;

/** UpdateTimeToLive: turns expiry on (naming the attribute) or off. */
public final class UpdateTimeToLive implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String tableName = TableNames.resolve(request.region(), request.body().string("TableName"));
        JsonObject spec = request.body().object("TimeToLiveSpecification");
        Boolean enabled = spec == null ? null : spec.bool("Enabled");
        String attribute = spec == null ? null : spec.string("AttributeName");
        Constraints c = new Constraints().tableNameOrArn("tableName", tableName, true);
        c.notNull("timeToLiveSpecification", spec);
        if (spec != null) {
            c.notNull("timeToLiveSpecification.attributeName", attribute)
                    .length("timeToLiveSpecification.attributeName", attribute, 1, 255);
            c.notNull("timeToLiveSpecification.enabled", enabled);
        }
        c.throwIfAny();
        request.emulator().catalog().update(request.region(), tableName, t -> {
            TimeToLive current = t.timeToLive();
            if (current.enabled() && !attribute.equals(current.attributeName())) {
                throw new DynamoException(ErrorCode.VALIDATION,
                        "TimeToLive is active on a different AttributeName: current AttributeName is "
                                + current.attributeName());
            }
            if (enabled && current.enabled()) {
                throw new DynamoException(ErrorCode.VALIDATION, "TimeToLive is already enabled");
            }
            if (!enabled && !current.enabled()) {
                throw new DynamoException(ErrorCode.VALIDATION, "TimeToLive is already disabled");
            }
            return t.toBuilder().timeToLive(enabled ? new TimeToLive(attribute, true) : TimeToLive.DISABLED).build();
        });
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("TimeToLiveSpecification");
            g.writeStringField("AttributeName", attribute);
            g.writeBooleanField("Enabled", enabled);
            g.writeEndObject();
            g.writeEndObject();
        };
    }
}
