package dev.eddy.api.operation;

/** DescribeEndpoints: the regional endpoint, cached for a day, as AWS answers. */
public final class DescribeEndpoints implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Endpoints");
            g.writeStartObject();
            g.writeStringField("Address", "dynamodb." + request.region() + ".amazonaws.com");
            g.writeNumberField("CachePeriodInMinutes", 1440);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        };
    }
}
