package dev.eddy.core.storage;

/** A failure of the storage engine itself (disk full, corruption, the directory in use). */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
