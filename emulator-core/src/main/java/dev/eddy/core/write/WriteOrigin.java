package dev.eddy.core.write;

/** Who made a write: a client, or DynamoDB itself expiring an item by its TTL. */
public enum WriteOrigin { CLIENT, TIME_TO_LIVE }
