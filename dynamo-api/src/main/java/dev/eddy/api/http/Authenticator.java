package dev.eddy.api.http;

/**
 * Decides whether a request may proceed and which region it addresses. Returns the
 * region of the request's credential scope, or null when it names none; throws a
 * DynamoException to refuse the request.
 */
@FunctionalInterface
public interface Authenticator {
    String authenticate(HttpCall call);
}
