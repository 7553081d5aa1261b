package dev.eddy.core.partiql;

/** Which API runs a statement: each allows and refuses some things of its own. */
public enum Surface {
    /** ExecuteStatement. */
    STATEMENT,
    /** BatchExecuteStatement: reads only by primary key. */
    BATCH,
    /** ExecuteTransaction: reads only by primary key, never of an index; no RETURNING. */
    TRANSACTION
}
