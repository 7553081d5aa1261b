package dev.eddy.core.partiql;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.Update;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.ItemChange;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteResult;
import java.util.Map;

/**
 * A write of one item by its full primary key: INSERT (a put that refuses an existing item),
 * UPDATE (of an existing item only), DELETE (of a missing item a no-op), or an EXISTS check in a
 * transaction. What the WHERE says beyond the key is a condition on the item.
 *
 * @param tableName the table as the statement names it
 * @param item      INSERT's item; null otherwise
 * @param update    UPDATE's SET and REMOVE; null otherwise
 * @param returning null for no RETURNING
 */
public record WritePlan(Kind kind, TableDefinition table, String tableName, PrimaryKey key, Map<String, AttributeValue> item,
                        Update update, Condition condition, Statement.Returning returning) {

    public enum Kind { INSERT, UPDATE, DELETE, CHECK }

    /** One run of the write: its pure change to the item, then what RETURNING gives back. */
    public Run run(boolean returnItemOnFailure) {
        return new Run(returnItemOnFailure);
    }

    public final class Run {
        private final boolean returnItemOnFailure;
        private Update.Result applied;

        private Run(boolean returnItemOnFailure) {
            this.returnItemOnFailure = returnItemOnFailure;
        }

        /** The change to the item as stored; throws DuplicateItem or ConditionalCheckFailed to write nothing. */
        public ItemChange change() {
            return current -> switch (kind) {
                case INSERT -> {
                    if (current != null) throw Messages.duplicateItem();
                    yield item;
                }
                case UPDATE -> {
                    if (current == null) throw failed(null);
                    check(current);
                    Update.Result r = update.apply(current);
                    if (ItemSize.of(r.item()) > ItemSize.MAX_ITEM_BYTES) {
                        throw Messages.validation("Item size to update has exceeded the maximum allowed size");
                    }
                    Keys.checkIndexKeysAfterUpdate(table, r.item());
                    applied = r;
                    yield r.item();
                }
                case DELETE -> {
                    if (current == null) yield null;
                    check(current);
                    yield null;
                }
                case CHECK -> {
                    if (current == null) throw failed(null);
                    check(current);
                    yield current;
                }
            };
        }

        private void check(Map<String, AttributeValue> current) {
            if (!condition.test(current)) throw failed(current);
        }

        private DynamoException failed(Map<String, AttributeValue> current) {
            return DynamoException.conditionalCheckFailed(returnItemOnFailure ? current : null);
        }

        /** The item RETURNING gives back, or null for none (no clause, no item, or nothing modified). */
        public Map<String, AttributeValue> returned(WriteResult result) {
            if (returning == null) return null;
            Map<String, AttributeValue> out = switch (returning) {
                case ALL_OLD -> result.oldItem();
                case ALL_NEW -> result.newItem();
                case MODIFIED_OLD -> applied == null ? null : applied.updatedOld(result.oldItem());
                case MODIFIED_NEW -> applied == null ? null : applied.updatedNew();
            };
            return out == null || out.isEmpty() ? null : out;
        }
    }
}
