package dev.eddy.api.operation;

import dev.eddy.core.read.Page;
import dev.eddy.core.read.Reader;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;

/** Scan: every item of a table or index, or of one segment of a parallel scan, a page at a time. */
public final class Scan implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        Integer[] segments = new Integer[2];
        ReadRequest r = ReadRequest.read(request, false, x -> {
            segments[0] = x.in.integer("Segment");
            segments[1] = x.in.integer("TotalSegments");
            x.constraints.range("segment", segments[0] == null ? null : segments[0].longValue(), 0, 999_999);
            x.constraints.range("totalSegments", segments[1] == null ? null : segments[1].longValue(), 1, 1_000_000);
        });
        Integer segment = segments[0];
        Integer total = segments[1];
        if (segment != null && total == null) {
            throw ReadRequest.validation("The TotalSegments parameter is required but was not present in the request "
                    + "when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw ReadRequest.validation("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        if (segment != null && segment >= total) {
            throw ReadRequest.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
        }
        TableDefinition table = request.emulator().catalog().require(request.region(), r.tableName);
        SecondaryIndex index = r.index(table);
        r.checkPathsAgainst(table);
        Page page = new Reader(request.emulator().store()).scan(table, index, segment == null ? 0 : segment,
                total == null ? 1 : total, r.exclusiveStartKey, r.pageRequest(table, index));
        return r.response(table, index, page);
    }
}
