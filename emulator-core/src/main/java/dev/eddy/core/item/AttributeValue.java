package dev.eddy.core.item;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value of one of the ten data types. Values are immutable and
 * already valid: numbers are canonical (see {@link Numbers}), sets are non-empty and
 * free of duplicates, and their iteration order is the order the client sent.
 */
public sealed interface AttributeValue {

    Type type();

    enum Type {
        S, N, B, BOOL, NULL, SS, NS, BS, L, M;

        /** The scalar types a key attribute may have. */
        public boolean isKeyType() {
            return this == S || this == N || this == B;
        }

        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }
    }

    record S(String value) implements AttributeValue {
        public Type type() { return Type.S; }
    }

    /** A number; {@code value} is normalised, so equal numbers are {@code equals}. */
    record N(BigDecimal value) implements AttributeValue {
        public Type type() { return Type.N; }

        /** The canonical text DynamoDB returns for this number. */
        public String text() {
            return Numbers.toText(value);
        }
    }

    record B(Binary value) implements AttributeValue {
        public Type type() { return Type.B; }
    }

    record Bool(boolean value) implements AttributeValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }

        public Type type() { return Type.BOOL; }
    }

    record Null() implements AttributeValue {
        public static final Null INSTANCE = new Null();

        public Type type() { return Type.NULL; }
    }

    record SS(Set<String> values) implements AttributeValue {
        public Type type() { return Type.SS; }
    }

    record NS(Set<BigDecimal> values) implements AttributeValue {
        public Type type() { return Type.NS; }
    }

    record BS(Set<Binary> values) implements AttributeValue {
        public Type type() { return Type.BS; }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public Type type() { return Type.L; }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public Type type() { return Type.M; }
    }

    static S s(String value) {
        return new S(value);
    }

    static N n(String text) {
        return new N(Numbers.parse(text));
    }

    static N n(BigDecimal value) {
        return new N(Numbers.normalise(value));
    }

    static N n(long value) {
        return new N(Numbers.normalise(BigDecimal.valueOf(value)));
    }

    static B b(byte[] bytes) {
        return new B(Binary.wrap(bytes));
    }
}
