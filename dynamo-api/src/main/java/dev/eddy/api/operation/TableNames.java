package dev.eddy.api.operation;

import dev.eddy.core.table.TableDefinition;

/**
 * TableName members, which may give a table's ARN instead of its name: AWS's "table name
 * overloading", offered by every operation that reads, writes or describes an existing table
 * (not by CreateTable). ConsumedCapacity, and the maps of BatchGetItem, BatchWriteItem and
 * TransactWriteItems, name the table as the request did; a table description by its name.
 */
final class TableNames {
    private TableNames() {
    }

    /**
     * The name in {@code value} when it is the ARN of a table in {@code region} and Eddy's
     * account; otherwise {@code value} as sent, for the usual name checks to judge. An index or
     * stream ARN, or a table's in another region or account, thus fails the name's pattern.
     */
    static String resolve(String region, String value) {
        if (value == null || !value.startsWith("arn:")) return value;
        String prefix = TableDefinition.arnPrefix(region);
        if (value.length() > prefix.length() && value.startsWith(prefix) && value.indexOf('/', prefix.length()) < 0) {
            return value.substring(prefix.length());
        }
        return value;
    }
}
