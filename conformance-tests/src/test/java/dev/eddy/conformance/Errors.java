package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The one way tests check an error: its code, its exact message and its HTTP status. */
public final class Errors {
    private Errors() {
    }

    public static AwsServiceException assertError(String code, String message, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), "error code");
        if (message != null) assertEquals(message, e.awsErrorDetails().errorMessage(), "error message");
        assertEquals(code.equals("InternalServerError") ? 500 : 400, e.statusCode(), "HTTP status");
        return e;
    }

    public static AwsServiceException assertValidation(String message, Executable call) {
        return assertError("ValidationException", message, call);
    }
}
