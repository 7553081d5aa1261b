package dev.eddy.bench.jmh;

import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.expression.ExpressionKind;
import dev.eddy.core.expression.Expressions;
import dev.eddy.core.expression.Update;
import dev.eddy.core.item.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Expressions as requests use them: parsed once per request, evaluated or applied per item. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {
    private static final String CONDITION = "attribute_exists(pk) AND #s IN (:a, :b) AND size(tags) > :n "
            + "AND (begins_with(#n, :p) OR balance BETWEEN :lo AND :hi)";
    private static final String UPDATE = "SET visits = if_not_exists(visits, :zero) + :one, address.city = :city "
            + "REMOVE notes ADD tags :tag";

    private Map<String, String> names;
    private Map<String, AttributeValue> values;
    private Map<String, AttributeValue> item;
    private Condition condition;
    private Update update;

    @Setup
    public void setUp() {
        names = Map.of("#s", "status", "#n", "name");
        values = new LinkedHashMap<>();
        values.put(":a", AttributeValue.s("active"));
        values.put(":b", AttributeValue.s("trial"));
        values.put(":n", AttributeValue.n("1"));
        values.put(":p", AttributeValue.s("Ada"));
        values.put(":lo", AttributeValue.n("-5000"));
        values.put(":hi", AttributeValue.n("5000"));
        values.put(":zero", AttributeValue.n("0"));
        values.put(":one", AttributeValue.n("1"));
        values.put(":city", AttributeValue.s("Paris"));
        values.put(":tag", new AttributeValue.SS(Set.of("new")));
        item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("customer#1"));
        item.put("status", AttributeValue.s("active"));
        item.put("name", AttributeValue.s("Ada Lovelace"));
        item.put("balance", AttributeValue.n("-1234.5678"));
        item.put("tags", new AttributeValue.SS(Set.of("gold", "early")));
        item.put("address", new AttributeValue.M(Map.of("city", AttributeValue.s("London"))));
        item.put("notes", AttributeValue.s("x".repeat(200)));
        condition = parseCondition();
        update = parseUpdate();
    }

    @Benchmark
    public Condition parseCondition() {
        return Expressions.condition(CONDITION, ExpressionKind.CONDITION, new ExpressionContext(names, values));
    }

    @Benchmark
    public boolean evaluateCondition() {
        return condition.test(item);
    }

    @Benchmark
    public Update parseUpdate() {
        return Expressions.update(UPDATE, new ExpressionContext(names, values), Set.of("pk"));
    }

    @Benchmark
    public Update.Result applyUpdate() {
        return update.apply(item);
    }
}
