package dev.eddy.api.operation;

/** DescribeLimits: the default quotas of an AWS account. */
public final class DescribeLimits implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        return g -> {
            g.writeStartObject();
            g.writeNumberField("AccountMaxReadCapacityUnits", 80000);
            g.writeNumberField("AccountMaxWriteCapacityUnits", 80000);
            g.writeNumberField("TableMaxReadCapacityUnits", TableShapes.TABLE_MAX_CAPACITY_UNITS);
            g.writeNumberField("TableMaxWriteCapacityUnits", TableShapes.TABLE_MAX_CAPACITY_UNITS);
            g.writeEndObject();
        };
    }
}
