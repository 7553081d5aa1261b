package dev.eddy.api.operation;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TableName members, which may give a table's ARN instead of its name: AWS's "table name
 * overloading", offered by every operation that reads, writes or describes an existing table
 * (not by CreateTable). ConsumedCapacity, and the maps of BatchGetItem, BatchWriteItem and
 * TransactWriteItems, name the table as the request did; a table description by its name.
 */
final class TableNames {
    /** A DynamoDB ARN of a table or of something of a table's: partition, region, account, what follows "table/". */
    private static final Pattern TABLE_ARN = Pattern.compile("arn:([^:]*):dynamodb:([a-z0-9-]+):(\\d{12}):table/(.+)");

    private TableNames() {
    }

    /**
     * The name in {@code value} when it is the ARN of a table in {@code region} and Eddy's
     * account; otherwise {@code value} as sent, for the usual name checks to judge (an index or
     * stream ARN thus fails the name's pattern). As on AWS, an ARN of another partition or region
     * is a validation error of its own, and one of another account is not this caller's to see.
     */
    static String resolve(String region, String value) {
        if (value == null || !value.startsWith("arn:")) return value;
        Matcher m = TABLE_ARN.matcher(value);
        if (!m.matches()) return value;
        if (!m.group(1).equals("aws")) throw invalidArn("Invalid AWS partition in '" + value + "'");
        if (!m.group(2).equals(region)) throw invalidArn("Invalid AWS region in '" + value + "'");
        if (!m.group(3).equals(TableDefinition.ACCOUNT)) throw new DynamoException(ErrorCode.ACCESS_DENIED, "Access is denied");
        String name = m.group(4);
        return name.indexOf('/') < 0 ? name : value;
    }

    private static DynamoException invalidArn(String what) {
        return new DynamoException(ErrorCode.VALIDATION, "1 validation error detected: " + what);
    }
}
