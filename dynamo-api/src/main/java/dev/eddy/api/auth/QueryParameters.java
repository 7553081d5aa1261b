package dev.eddy.api.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A raw query string split into decoded name/value pairs, in order, repeats kept. */
final class QueryParameters {
    private final List<Map.Entry<String, String>> pairs;

    private QueryParameters(List<Map.Entry<String, String>> pairs) {
        this.pairs = pairs;
    }

    /** A name without '=' has an empty value. A '+' stays a '+': SigV4 clients send spaces as %20. */
    static QueryParameters parse(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(Map.entry(decode(name), decode(value)));
        }
        return new QueryParameters(pairs);
    }

    List<Map.Entry<String, String>> pairs() {
        return pairs;
    }

    boolean contains(String name) {
        return pairs.stream().anyMatch(p -> p.getKey().equals(name));
    }

    /** The first value of a parameter, or null when it is absent. */
    String first(String name) {
        return pairs.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Malformed escapes are kept as they are, the way lenient servers read them. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int next = s.indexOf('%', i + 1);
                int end = next < 0 ? s.length() : next;
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
