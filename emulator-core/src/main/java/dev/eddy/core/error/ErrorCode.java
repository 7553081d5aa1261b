package dev.eddy.core.error;

/**
 * Every error type Eddy answers with, as AWS names it. The namespace is the part of
 * {@code __type} before the '#': AWS reports request-shape and auth failures from its
 * "coral" front end and domain failures from the service itself.
 */
public enum ErrorCode {
    SERIALIZATION("com.amazon.coral.service", "SerializationException"),
    UNKNOWN_OPERATION("com.amazon.coral.service", "UnknownOperationException"),
    MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service", "MissingAuthenticationTokenException"),
    INCOMPLETE_SIGNATURE("com.amazon.coral.service", "IncompleteSignatureException"),
    INVALID_SIGNATURE("com.amazon.coral.service", "InvalidSignatureException"),
    UNRECOGNIZED_CLIENT("com.amazon.coral.service", "UnrecognizedClientException"),
    ACCESS_DENIED("com.amazon.coral.service", "AccessDeniedException"),
    REQUEST_ENTITY_TOO_LARGE("com.amazon.coral.service", "RequestEntityTooLargeException"),
    VALIDATION("com.amazon.coral.validate", "ValidationException"),
    RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810", "ResourceNotFoundException"),
    RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810", "ResourceInUseException"),
    CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810", "ConditionalCheckFailedException"),
    TRANSACTION_CANCELED("com.amazonaws.dynamodb.v20120810", "TransactionCanceledException"),
    DUPLICATE_ITEM("com.amazonaws.dynamodb.v20120810", "DuplicateItemException"),
    TRANSACTION_CONFLICT("com.amazonaws.dynamodb.v20120810", "TransactionConflictException"),
    TRANSACTION_IN_PROGRESS("com.amazonaws.dynamodb.v20120810", "TransactionInProgressException"),
    IDEMPOTENT_PARAMETER_MISMATCH("com.amazonaws.dynamodb.v20120810", "IdempotentParameterMismatchException"),
    ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810", "ItemCollectionSizeLimitExceededException"),
    LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810", "LimitExceededException"),
    PROVISIONED_THROUGHPUT_EXCEEDED("com.amazonaws.dynamodb.v20120810", "ProvisionedThroughputExceededException"),
    EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810", "ExpiredIteratorException"),
    TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810", "TrimmedDataAccessException"),
    INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810", "InternalServerError");

    private final String namespace;
    private final String code;

    ErrorCode(String namespace, String code) {
        this.namespace = namespace;
        this.code = code;
    }

    /** The short name SDKs map to an exception class, e.g. {@code ValidationException}. */
    public String code() {
        return code;
    }

    /** The full {@code __type} value of an error body. */
    public String type() {
        return namespace + "#" + code;
    }

    /** Only the server's own failures are 5xx; every client error is a 400. */
    public boolean isServerFault() {
        return this == INTERNAL_SERVER_ERROR;
    }
}
