package dev.eddy.core.partiql;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/** A statement as parsed, before it meets a table: what batches and transactions sort by kind. */
public record Prepared(String text, Statement statement, int parameterCount) {

    /** Parses {@code text}; throws DynamoDB's ValidationException for what it cannot parse. */
    public static Prepared parse(String text) {
        Parser.Parsed parsed = Parser.parse(text);
        return new Prepared(text, parsed.statement(), parsed.parameters());
    }

    public boolean isRead() {
        return statement.isRead();
    }

    /** Whether it names an index: {@code "table"."index"}, which only a SELECT may. */
    public boolean namesIndex() {
        Node from;
        if (statement instanceof Statement.Select s) from = s.from();
        else if (statement instanceof Statement.Insert s) from = s.target();
        else if (statement instanceof Statement.Update s) from = s.target();
        else if (statement instanceof Statement.Delete s) from = s.target();
        else from = ((Statement.Exists) statement).select().from();
        return from instanceof Node.PathNode;
    }

    public boolean hasReturning() {
        if (statement instanceof Statement.Insert s) return s.returning() != null;
        if (statement instanceof Statement.Update s) return s.returning() != null;
        if (statement instanceof Statement.Delete s) return s.returning() != null;
        return false;
    }

    /**
     * What a NextToken is bound to: this statement with these parameters. A token minted for one
     * is refused for another ("NextToken does not match request").
     */
    byte[] fingerprint(List<AttributeValue> parameters) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            for (AttributeValue p : parameters) {
                digest.update((byte) 0);
                digest.update(ItemCodec.encode(Map.of("p", p)));
            }
            return java.util.Arrays.copyOf(digest.digest(), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
