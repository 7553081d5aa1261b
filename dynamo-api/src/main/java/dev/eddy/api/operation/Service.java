package dev.eddy.api.operation;

import java.util.Map;
import java.util.TreeMap;

/**
 * One AWS service on Eddy's endpoint: the {@code X-Amz-Target} prefix that addresses it and
 * its operations by name. An unknown target is answered from this map alone.
 */
public record Service(String targetPrefix, Map<String, Operation> operations) {
    public Service(String targetPrefix, Map<String, Operation> operations) {
        this.targetPrefix = targetPrefix;
        this.operations = new TreeMap<>(operations);
    }
}
