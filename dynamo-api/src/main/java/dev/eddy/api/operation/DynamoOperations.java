package dev.eddy.api.operation;

import dev.eddy.api.operation.Service;
import java.util.Map;
import java.util.TreeMap;

/** Every DynamoDB operation Eddy serves, by the name in {@code X-Amz-Target}. */
public final class DynamoOperations {
    public static final String TARGET_PREFIX = "DynamoDB_20120810";

    private DynamoOperations() {
    }

    public static Service service() {
        Map<String, Operation> ops = new TreeMap<>();
        ops.put("BatchExecuteStatement", new BatchExecuteStatement());
        ops.put("BatchGetItem", new BatchGetItem());
        ops.put("BatchWriteItem", new BatchWriteItem());
        ops.put("CreateTable", new CreateTable());
        ops.put("DeleteItem", new DeleteItem());
        ops.put("DeleteTable", new DeleteTable());
        ops.put("DescribeEndpoints", new DescribeEndpoints());
        ops.put("DescribeLimits", new DescribeLimits());
        ops.put("DescribeTable", new DescribeTable());
        ops.put("DescribeTimeToLive", new DescribeTimeToLive());
        ops.put("ExecuteStatement", new ExecuteStatement());
        ops.put("ExecuteTransaction", new ExecuteTransaction());
        ops.put("GetItem", new GetItem());
        ops.put("ListTables", new ListTables());
        ops.put("ListTagsOfResource", new ListTagsOfResource());
        ops.put("PutItem", new PutItem());
        ops.put("Query", new Query());
        ops.put("Scan", new Scan());
        ops.put("TagResource", new TagResource());
        ops.put("TransactGetItems", new TransactGetItems());
        ops.put("TransactWriteItems", new TransactWriteItems());
        ops.put("UntagResource", new UntagResource());
        ops.put("UpdateItem", new UpdateItem());
        ops.put("UpdateTable", new UpdateTable());
        ops.put("UpdateTimeToLive", new UpdateTimeToLive());
        return new Service(TARGET_PREFIX, ops);
    }
}
