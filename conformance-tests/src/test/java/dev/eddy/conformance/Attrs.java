package dev.eddy.conformance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short ways to write attribute values and items in tests. */
public final class Attrs {
    private Attrs() {
    }

    public static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    public static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    public static AttributeValue b(String utf8) {
        return AttributeValue.fromB(SdkBytes.fromUtf8String(utf8));
    }

    public static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }

    public static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    public static AttributeValue ss(String... v) {
        return AttributeValue.fromSs(Arrays.asList(v));
    }

    public static AttributeValue ns(String... v) {
        return AttributeValue.fromNs(Arrays.asList(v));
    }

    public static AttributeValue bs(String... utf8) {
        return AttributeValue.fromBs(Arrays.stream(utf8).map(SdkBytes::fromUtf8String).toList());
    }

    public static AttributeValue l(AttributeValue... v) {
        return AttributeValue.fromL(List.of(v));
    }

    /** A map value from alternating names and values. */
    public static AttributeValue m(Object... namesAndValues) {
        return AttributeValue.fromM(item(namesAndValues));
    }

    /** An item (or any attribute map) from alternating names and values, in order. */
    public static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return out;
    }

    /** Placeholder names from alternating placeholders and names. */
    public static Map<String, String> names(String... placeholdersAndNames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) out.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        return out;
    }
}
