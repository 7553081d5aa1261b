package dev.eddy.core.partiql;

import dev.eddy.core.expression.Operand;
import dev.eddy.core.expression.Path;
import dev.eddy.core.expression.Update;
import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * An UPDATE's SET and REMOVE clauses as the engine's {@link Update}: SET to a value, a path,
 * {@code a + b}, {@code a - b}, list_append or if_not_exists; {@code SET s = set_add(s, <<...>>)}
 * and set_delete as UpdateItem's ADD and DELETE of set elements.
 */
final class Updates {
    private Updates() {
    }

    static Update of(List<Statement.Action> actions, Terms terms) {
        List<Update.Action> out = new ArrayList<>();
        for (Statement.Action a : actions) {
            Path path = terms.path(a.path());
            if (path == null) throw Messages.validation("Unrecognized assignment target: " + describe(a.path()));
            if (a instanceof Statement.RemoveAction) {
                out.add(new Update.Remove(path));
                continue;
            }
            Node value = ((Statement.SetAction) a).value();
            if (value instanceof Node.Call c && (c.name().equals("set_add") || c.name().equals("set_delete"))) {
                out.add(setFunction(path, c, terms));
            } else {
                out.add(new Update.Set(path, operand(value, terms)));
            }
        }
        return new Update(out, false);
    }

    private static Update.Action setFunction(Path path, Node.Call c, Terms terms) {
        String which = c.name().equals("set_add") ? "ADD" : "DELETE";
        if (c.arguments().size() != 2) throw Messages.setFunctionArguments(which);
        if (!path.equals(terms.path(c.arguments().get(0)))) throw Messages.setFunctionFirstArgument(which);
        Node second = c.arguments().get(1);
        AttributeValue set = Literals.isValue(second) ? terms.literals().value(second) : null;
        if (set == null || !set.type().isSet()) throw Messages.setFunctionSecondArgument(which);
        Operand.Value v = new Operand.Value("?", set);
        return which.equals("ADD") ? new Update.Add(path, v) : new Update.Delete(path, v);
    }

    private static Operand operand(Node n, Terms terms) {
        if (n instanceof Node.MissingLiteral) throw Messages.missingNotWithIs();
        if (Literals.isValue(n)) return new Operand.Value("?", terms.literals().value(n));
        Path p = terms.path(n);
        if (p != null) return new Operand.PathOperand(p);
        if (n instanceof Node.Binary b && (b.operator().equals("+") || b.operator().equals("-"))) {
            return new Operand.Arithmetic(b.operator().charAt(0), operand(b.left(), terms), operand(b.right(), terms));
        }
        if (n instanceof Node.Call c && (c.name().equals("list_append") || c.name().equals("if_not_exists"))) {
            if (c.arguments().size() != 2) {
                throw Messages.validation("Incorrect number of arguments for function: " + c.name());
            }
            return new Operand.Function(c.name(), List.of(operand(c.arguments().get(0), terms),
                    operand(c.arguments().get(1), terms)));
        }
        if (n instanceof Node.Call c) throw Messages.unrecognizedFunction(c.name());
        throw Messages.validation("Unsupported operator in Update Expression. Operator: " + describe(n));
    }

    private static String describe(Node n) {
        if (n instanceof Node.Binary b) return b.operator();
        if (n instanceof Node.Unary u) return u.operator();
        return n.getClass().getSimpleName();
    }
}
