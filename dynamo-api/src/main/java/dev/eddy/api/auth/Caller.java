package dev.eddy.api.auth;

/**
 * Who signed a request that verified: the access key and the region of its credential scope
 * (which is also the region whose tables the request addresses).
 */
public record Caller(String accessKeyId, String region) {
}
