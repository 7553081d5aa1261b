package dev.eddy.core.write;

import dev.eddy.core.error.DynamoException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A transaction that wrote nothing because some of its changes refused to apply. {@code reasons}
 * holds, in the order of the changes, the refusal of each change, or null for those that
 * would have applied; the API turns it into TransactionCanceledException.
 */
public final class TransactionFailure extends RuntimeException {
    private final List<DynamoException> reasons;

    public TransactionFailure(List<DynamoException> reasons) {
        super("transaction cancelled", null, false, false);
        this.reasons = Collections.unmodifiableList(new ArrayList<>(reasons));
    }

    public List<DynamoException> reasons() {
        return reasons;
    }
}
