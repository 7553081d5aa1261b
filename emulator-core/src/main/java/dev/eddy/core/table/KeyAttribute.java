package dev.eddy.core.table;

import dev.eddy.core.item.AttributeValue;

/** One key attribute: its name and scalar type (S, N or B). */
public record KeyAttribute(String name, AttributeValue.Type type) {
}
