package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meaning pass after parsing: refuses what DynamoDB refuses (reserved words, unknown or
 * misplaced functions, undefined placeholders, operand types, overlapping paths) in the
 * order DynamoDB checks them, and resolves every {@code #name} and {@code :value}.
 */
final class Binder {
    static final int MAX_PATH_DEPTH = 32;
    static final int MAX_IN_OPERANDS = 100;

    private static final Map<String, Integer> ARITY = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2,
            "contains", 2, "size", 1, "if_not_exists", 2, "list_append", 2);
    private static final Set<String> CONDITION_FUNCTIONS = Set.of(
            "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> ORDERED = Set.of("S", "N", "B");
    private static final Set<String> ITERABLE = Set.of("S", "B", "SS", "NS", "BS", "L", "M");
    private static final Set<String> STRING_BINARY = Set.of("S", "B");

    private final ExpressionKind kind;
    private final ExpressionContext ctx;

    private Binder(ExpressionKind kind, ExpressionContext ctx) {
        this.kind = kind;
        this.ctx = ctx;
    }

    static Condition condition(ExpressionKind kind, Condition parsed, ExpressionContext ctx) {
        Binder b = new Binder(kind, ctx);
        b.check(parsed);
        return b.bind(parsed);
    }

    static Projection projection(List<Path> parsed, ExpressionContext ctx) {
        Binder b = new Binder(ExpressionKind.PROJECTION, ctx);
        for (Path p : parsed) b.check(p);
        List<Path> paths = new ArrayList<>(parsed.size());
        for (Path p : parsed) paths.add(b.bind(p));
        b.checkOverlaps(paths);
        return Projection.of(paths);
    }

    static Update update(List<Parser.Section> sections, ExpressionContext ctx, Set<String> keyAttributes) {
        Binder b = new Binder(ExpressionKind.UPDATE, ctx);
        // Read a section at a time, in the order each first appears.
        Map<String, List<Parser.Section>> byKeyword = new LinkedHashMap<>();
        for (Parser.Section s : sections) byKeyword.computeIfAbsent(s.keyword(), k -> new ArrayList<>()).add(s);
        List<Update.Action> actions = new ArrayList<>();
        for (Map.Entry<String, List<Parser.Section>> e : byKeyword.entrySet()) {
            for (Parser.Section s : e.getValue()) {
                for (Update.Action a : s.actions()) {
                    b.check(a.path());
                    if (a instanceof Update.Set set) b.check(set.value());
                }
            }
            if (e.getValue().size() > 1) throw Messages.duplicateSection(e.getKey());
        }
        for (Parser.Section s : sections) actions.addAll(s.actions());

        List<Path> paths = new ArrayList<>(actions.size());
        for (Update.Action a : actions) paths.add(b.bind(a.path()));
        b.checkOverlaps(paths);

        // DynamoDB checks the actions from the last back to the first: every #name, then the values.
        List<Update.Action> bound = new ArrayList<>(Collections.nCopies(actions.size(), null));
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i) instanceof Update.Set set) b.checkNames(set.value());
        }
        for (int i = actions.size() - 1; i >= 0; i--) {
            Update.Action a = actions.get(i);
            Path path = paths.get(i);
            if (a instanceof Update.Set set) {
                bound.set(i, new Update.Set(path, b.bind(set.value())));
            } else if (a instanceof Update.Remove) {
                bound.set(i, new Update.Remove(path));
            } else if (a instanceof Update.Add add) {
                Operand.Value v = b.bind(add.value());
                if (!v.value().type().isSet() && v.value().type() != AttributeValue.Type.N) {
                    throw Messages.updateOperandType("ADD", longTypeName(v.value().type()));
                }
                bound.set(i, new Update.Add(path, v));
            } else {
                Operand.Value v = b.bind(((Update.Delete) a).value());
                if (!v.value().type().isSet()) throw Messages.updateOperandType("DELETE", longTypeName(v.value().type()));
                bound.set(i, new Update.Delete(path, v));
            }
        }
        for (Path p : paths) {
            if (keyAttributes.contains(p.attribute())) throw Messages.keyAttributeUpdated(p.attribute());
        }
        return new Update(bound, false);
    }

    // ---- first pass, in written order: reserved words and where functions are used ----

    private void check(Condition c) {
        if (c instanceof Condition.And x) {
            check(x.left());
            check(x.right());
        } else if (c instanceof Condition.Or x) {
            check(x.left());
            check(x.right());
        } else if (c instanceof Condition.Not x) {
            check(x.condition());
        } else if (c instanceof Condition.Comparison x) {
            check(x.left());
            check(x.right());
        } else if (c instanceof Condition.Between x) {
            check(x.value());
            check(x.lower());
            check(x.upper());
        } else if (c instanceof Condition.In x) {
            check(x.value());
            for (Operand o : x.candidates()) check(o);
        } else if (c instanceof Condition.Function f) {
            if (!ARITY.containsKey(f.name())) throw Messages.unknownFunction(kind, f.name());
            if (UPDATE_FUNCTIONS.contains(f.name())) throw Messages.functionNotInCondition(kind, f.name());
            if (!CONDITION_FUNCTIONS.contains(f.name())) throw Messages.functionUsedWrongly(kind, f.name());
            checkArity(f.name(), f.args().size());
            for (Operand o : f.args()) check(o);
        }
    }

    private void check(Operand o) {
        if (o instanceof Operand.PathOperand p) {
            check(p.path());
        } else if (o instanceof Operand.Function f) {
            if (!ARITY.containsKey(f.name())) throw Messages.unknownFunction(kind, f.name());
            if (kind == ExpressionKind.UPDATE) {
                if (!UPDATE_FUNCTIONS.contains(f.name())) throw Messages.functionNotInUpdate(kind, f.name());
            } else {
                if (UPDATE_FUNCTIONS.contains(f.name())) throw Messages.functionNotInCondition(kind, f.name());
                if (CONDITION_FUNCTIONS.contains(f.name())) throw Messages.functionUsedWrongly(kind, f.name());
                checkArity(f.name(), f.args().size());
            }
            for (Operand a : f.args()) check(a);
        } else if (o instanceof Operand.Arithmetic a) {
            check(a.left());
            check(a.right());
        }
    }

    private void check(Path p) {
        for (Path.Element e : p.elements()) {
            if (e instanceof Path.Key k && !k.placeholder() && ReservedWords.isReserved(k.name())) {
                throw Messages.reserved(kind, k.name());
            }
        }
    }

    private void checkArity(String name, int count) {
        if (ARITY.get(name) != count) throw Messages.operandCount(kind, name, count);
    }

    /** Refuses an undefined #name anywhere in an update's value before any value is read. */
    private void checkNames(Operand o) {
        if (o instanceof Operand.PathOperand p) {
            for (Path.Element e : p.path().elements()) {
                if (e instanceof Path.Key k && k.placeholder() && !ctx.hasName(k.name())) {
                    throw Messages.undefinedName(kind, k.name());
                }
            }
        } else if (o instanceof Operand.Function f) {
            for (Operand a : f.args()) checkNames(a);
        } else if (o instanceof Operand.Arithmetic a) {
            checkNames(a.left());
            checkNames(a.right());
        }
    }

    // ---- second pass: placeholders, operand types, distinct operands ----

    private Condition bind(Condition c) {
        if (c instanceof Condition.And x) return new Condition.And(bind(x.left()), bind(x.right()));
        if (c instanceof Condition.Or x) return new Condition.Or(bind(x.left()), bind(x.right()));
        if (c instanceof Condition.Not x) return new Condition.Not(bind(x.condition()));
        if (c instanceof Condition.Comparison x) {
            Operand l = bind(x.left());
            Operand r = bind(x.right());
            String op = x.comparator().symbol();
            if (x.comparator() != Condition.Comparator.EQ && x.comparator() != Condition.Comparator.NE) {
                requireTypes(op, ORDERED, l, r);
            }
            requireDistinct(op, l, List.of(r));
            return new Condition.Comparison(x.comparator(), l, r);
        }
        if (c instanceof Condition.Between x) {
            Operand v = bind(x.value());
            Operand lo = bind(x.lower());
            Operand hi = bind(x.upper());
            requireTypes("BETWEEN", ORDERED, v, lo, hi);
            requireDistinct("BETWEEN", v, List.of(lo, hi));
            if (lo instanceof Operand.Value a && hi instanceof Operand.Value b) {
                if (a.value().type() != b.value().type()) {
                    throw Messages.betweenTypes(kind, boundText(a.value()), boundText(b.value()));
                }
                if (Values.compare(a.value(), b.value()) > 0) {
                    throw Messages.betweenOrder(kind, boundText(a.value()), boundText(b.value()));
                }
            }
            return new Condition.Between(v, lo, hi);
        }
        if (c instanceof Condition.In x) {
            Operand v = bind(x.value());
            List<Operand> list = new ArrayList<>(x.candidates().size());
            for (Operand o : x.candidates()) list.add(bind(o));
            requireDistinct("IN", v, list);
            if (list.size() > MAX_IN_OPERANDS) throw Messages.tooManyInOperands(kind, list.size());
            return new Condition.In(v, list);
        }
        if (c instanceof Condition.Function f) {
            List<Operand> args = bindAll(f.args());
            String name = f.name();
            if (name.equals("begins_with")) requireTypes(name, STRING_BINARY, args.toArray(new Operand[0]));
            requireDistinct(name, args.get(0), args.subList(1, args.size()));
            // The documentation asks for a path in attribute_type too, but DynamoDB takes a value there.
            if (!(args.get(0) instanceof Operand.PathOperand) && !name.equals("begins_with") && !name.equals("contains")
                    && !name.equals("attribute_type")) {
                throw Messages.pathRequired(kind, name);
            }
            if (name.equals("attribute_type")) {
                Operand t = args.get(1);
                if (!(t instanceof Operand.Value v)) {
                    String type = staticType(t);
                    throw Messages.operandType(kind, name, type == null ? Messages.ANY_TYPE : type);
                }
                if (!(v.value() instanceof AttributeValue.S s)) throw Messages.operandType(kind, name, staticType(v));
                if (!isTypeName(s.value())) throw Messages.invalidTypeName(kind, s.value());
            }
            return new Condition.Function(name, args);
        }
        return c;
    }

    private Operand bind(Operand o) {
        if (o instanceof Operand.PathOperand p) return new Operand.PathOperand(bind(p.path()));
        if (o instanceof Operand.Value v) return bind(v);
        if (o instanceof Operand.Function f) {
            if (kind == ExpressionKind.UPDATE) checkArity(f.name(), f.args().size());
            List<Operand> args = bindAll(f.args());
            switch (f.name()) {
                case "size" -> requireTypes("size", ITERABLE, args.get(0));
                case "list_append" -> requireTypes("list_append", Set.of("L"), args.get(0), args.get(1));
                case "if_not_exists" -> {
                    if (!(args.get(0) instanceof Operand.PathOperand)) throw Messages.pathRequired(kind, f.name());
                }
                default -> { }
            }
            return new Operand.Function(f.name(), args);
        }
        Operand.Arithmetic a = (Operand.Arithmetic) o;
        Operand l = bind(a.left());
        Operand r = bind(a.right());
        requireTypes(String.valueOf(a.operator()), Set.of("N"), l, r);
        return new Operand.Arithmetic(a.operator(), l, r);
    }

    private Operand.Value bind(Operand.Value v) {
        return new Operand.Value(v.placeholder(), ctx.value(kind, v.placeholder()));
    }

    private List<Operand> bindAll(List<Operand> operands) {
        List<Operand> out = new ArrayList<>(operands.size());
        for (Operand o : operands) out.add(bind(o));
        return out;
    }

    Path bind(Path p) {
        List<Path.Element> out = new ArrayList<>(p.depth());
        for (Path.Element e : p.elements()) {
            if (e instanceof Path.Key k && k.placeholder()) out.add(new Path.Key(ctx.name(kind, k.name()), false));
            else out.add(e);
        }
        if (p.depth() > MAX_PATH_DEPTH) throw Messages.tooDeep(kind, p.depth());
        return new Path(out);
    }

    private void requireTypes(String operator, Set<String> allowed, Operand... operands) {
        for (Operand o : operands) {
            String t = staticType(o);
            if (t != null && !allowed.contains(t)) throw Messages.operandType(kind, operator, t);
        }
    }

    private void requireDistinct(String operator, Operand first, List<Operand> rest) {
        if (!(first instanceof Operand.PathOperand p)) return;
        for (Operand o : rest) {
            if (o instanceof Operand.PathOperand q && q.path().equals(p.path())) {
                throw Messages.sameOperand(kind, operator, p.path());
            }
        }
    }

    /** Two paths of one update or projection may be neither the same, nor one inside the other, nor disagree on map or list. */
    void checkOverlaps(List<Path> paths) {
        for (int j = 1; j < paths.size(); j++) {
            for (int i = 0; i < j; i++) {
                Path a = paths.get(i);
                Path b = paths.get(j);
                int n = Math.min(a.depth(), b.depth());
                boolean differ = false;
                for (int k = 0; k < n && !differ; k++) {
                    Path.Element x = a.elements().get(k);
                    Path.Element y = b.elements().get(k);
                    if ((x instanceof Path.Index) != (y instanceof Path.Index)) throw Messages.pathsConflict(kind, a, b);
                    differ = !x.equals(y);
                }
                if (!differ) throw Messages.pathsOverlap(kind, a, b);
            }
        }
    }

    /** The type a value-producing operand is known to have before any item is read; null for a path. */
    static String staticType(Operand o) {
        if (o instanceof Operand.Value v) return v.value().type().name();
        if (o instanceof Operand.Arithmetic) return "N";
        if (o instanceof Operand.Function f) {
            if (f.name().equals("size")) return "N";
            if (f.name().equals("list_append")) return "L";
        }
        return null;
    }

    private static boolean isTypeName(String s) {
        for (AttributeValue.Type t : AttributeValue.Type.values()) {
            if (t.name().equals(s)) return true;
        }
        return false;
    }

    /** AWS names types by its internal document types in ADD and DELETE messages. */
    static String longTypeName(AttributeValue.Type t) {
        return switch (t) {
            case S -> "STRING";
            case N -> "NUMBER";
            case B -> "BINARY";
            case BOOL -> "BOOLEAN";
            case NULL -> "NULL";
            case SS -> "STRING_SET";
            case NS -> "NUMBER_SET";
            case BS -> "BINARY_SET";
            case L -> "LIST";
            case M -> "MAP";
        };
    }

    /** A BETWEEN bound as AWS prints it in messages. */
    static String boundText(AttributeValue v) {
        if (v instanceof AttributeValue.S s) return "AttributeValue: {S:" + s.value() + "}";
        if (v instanceof AttributeValue.N n) return "AttributeValue: {N:" + n.text() + "}";
        if (v instanceof AttributeValue.B b) {
            int len = b.value().length();
            return "AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=" + len + " cap=" + len + "]}";
        }
        return "AttributeValue: {" + v.type().name() + ":" + v + "}";
    }
}
