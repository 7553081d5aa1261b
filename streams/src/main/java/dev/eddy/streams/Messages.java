package dev.eddy.streams;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Every error text of the DynamoDB Streams API, as AWS words it. */
public final class Messages {
    private static final DateTimeFormatter AWS_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Messages() {
    }

    public static DynamoException invalidStreamArn() {
        return new DynamoException(ErrorCode.VALIDATION, "Invalid StreamArn");
    }

    public static DynamoException streamNotFound(String arn) {
        return new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: Stream: " + arn + " not found");
    }

    public static DynamoException shardNotFound() {
        return new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: Shard does not exist");
    }

    public static DynamoException invalidShardIterator() {
        return new DynamoException(ErrorCode.VALIDATION, "Invalid ShardIterator");
    }

    public static DynamoException expiredIterator(Instant issued, Instant now, long toleratedMillis) {
        return new DynamoException(ErrorCode.EXPIRED_ITERATOR, "Iterator expired. The iterator was created at time "
                + AWS_DATE.format(issued) + " while right now it is " + AWS_DATE.format(now)
                + " which is further in the future than the tolerated delay of " + toleratedMillis + " milliseconds.");
    }

    public static DynamoException trimmed() {
        return new DynamoException(ErrorCode.TRIMMED_DATA_ACCESS, "The data you are trying to access has been trimmed.");
    }

    public static DynamoException sequenceNumberRequired(String iteratorType) {
        return new DynamoException(ErrorCode.VALIDATION,
                "Must specify a SequenceNumber for ShardIteratorType " + iteratorType);
    }

    public static DynamoException sequenceNumberNotAllowed(String iteratorType) {
        return new DynamoException(ErrorCode.VALIDATION,
                "SequenceNumber cannot be specified for ShardIteratorType " + iteratorType);
    }

    public static DynamoException invalidSequenceNumber(String sequenceNumber, String shardId) {
        return new DynamoException(ErrorCode.VALIDATION,
                "Invalid SequenceNumber " + sequenceNumber + " for shard " + shardId);
    }

    public static DynamoException shardIdRequiredForChildShards() {
        return new DynamoException(ErrorCode.VALIDATION,
                "ShardId must be specified in ShardFilter when ShardFilter Type is CHILD_SHARDS");
    }
}
