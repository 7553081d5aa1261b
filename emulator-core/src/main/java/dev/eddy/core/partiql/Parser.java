package dev.eddy.core.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the PartiQL DynamoDB serves. It fails as DynamoDB's parser
 * does, with "Statement wasn't well formed, can't be processed: " and the reason it gave up
 * ("Unexpected term", "Unexpected token after expression"...); what parses but DynamoDB does not
 * serve (an alias, GROUP BY) gets DynamoDB's own text. Meaning is checked later, against the table.
 */
final class Parser extends ExpressionParser {
    /** A statement and how many {@code ?} it holds. */
    record Parsed(Statement statement, int parameters) {
    }

    private Parser(List<Token> tokens) {
        super(tokens);
    }

    static Parsed parse(String text) {
        Parser p = new Parser(Lexer.tokens(text));
        Statement statement = p.statement();
        return new Parsed(statement, p.parameters());
    }

    private Statement statement() {
        Token first = peek();
        Statement s;
        if (first.isKeyword("SELECT")) s = select();
        else if (first.isKeyword("INSERT")) s = insert();
        else if (first.isKeyword("UPDATE")) s = update();
        else if (first.isKeyword("DELETE")) s = delete();
        else if (first.isKeyword("FROM")) s = fromFirst();
        else s = expressionStatement();
        end();
        return s;
    }

    /** A statement ends at the end of the text, after an optional semicolon. */
    private void end() {
        acceptPunctuation(";");
        if (!atEnd()) throw Messages.leftover();
    }

    private Statement expressionStatement() {
        Node e = expression();
        end();
        if (e instanceof Node.Call c && c.name().equals("exists") && c.arguments().size() == 1
                && c.arguments().get(0) instanceof Node.Subquery q) {
            return new Statement.Exists(q.select());
        }
        throw Messages.unsupportedOperation(operationName(e));
    }

    /** The name DynamoDB's refusal gives a bare expression, after PartiQL's node types. */
    private static String operationName(Node e) {
        if (e instanceof Node.Is) return "IsType";
        if (e instanceof Node.Name || e instanceof Node.PathNode) return "VariableReference";
        if (e instanceof Node.Subquery) return "Select";
        if (e instanceof Node.ListLiteral || e instanceof Node.BagLiteral || e instanceof Node.StructLiteral) return "Seq";
        if (e instanceof Node.Binary || e instanceof Node.Unary || e instanceof Node.Call || e instanceof Node.In
                || e instanceof Node.Between || e instanceof Node.Like) {
            return "NAry";
        }
        return "Literal";
    }

    @Override
    Statement.Select select() {
        next();
        if (peek().isKeyword("DISTINCT")) throw Messages.unsupportedToken("DISTINCT");
        accept("ALL");
        if (peek().isKeyword("VALUE") || peek().isWord("PIVOT")) throw Messages.selectValue();
        List<Node> projection = new ArrayList<>();
        boolean star = false;
        do {
            if (peek().isOperator("*")) {
                next();
                star = true;
                continue;
            }
            projection.add(expression());
            if (peek().isKeyword("AS") || peek().isName()) throw Messages.aliasing();
        } while (acceptPunctuation(","));
        if (!accept("FROM")) throw failure(peek());
        if (star && !projection.isEmpty()) throw Messages.starAndOthers();
        Node from = fromSource();
        Node where = accept("WHERE") ? expression() : null;
        if (accept("GROUP")) throw Messages.unsupportedClause("GROUP BY");
        if (accept("HAVING")) throw Messages.unsupportedClause("HAVING");
        List<Statement.OrderKey> orderBy = new ArrayList<>();
        if (accept("ORDER")) {
            if (!accept("BY")) throw failure(peek());
            do {
                Node key = expression();
                boolean descending = false;
                if (accept("DESC")) descending = true;
                else accept("ASC");
                orderBy.add(new Statement.OrderKey(key, descending));
            } while (acceptPunctuation(","));
        }
        if (accept("LIMIT")) throw Messages.unsupportedClause("LIMIT");
        if (accept("OFFSET")) throw Messages.unsupportedClause("OFFSET");
        return new Statement.Select(star ? null : List.copyOf(projection), from, where, List.copyOf(orderBy));
    }

    /** The table (or table and index) a SELECT reads: a name with path steps, never aliased. */
    private Node fromSource() {
        Node source = postfix(primary());
        refuseAlias();
        return source;
    }

    private void refuseAlias() {
        if (peek().isKeyword("AS") || peek().isKeyword("AT") || peek().isName()) throw Messages.aliasing();
    }

    private Statement insert() {
        next();
        if (!accept("INTO")) throw failure(peek());
        Node target = simplePath();
        if (!accept("VALUE")) {
            // INSERT INTO t <bag>: PartiQL's form for many items, which DynamoDB refuses once it parses.
            expression();
            end();
            throw Messages.insertMany();
        }
        Node value = expression();
        Statement.Returning returning = returning();
        return new Statement.Insert(target, value, returning);
    }

    private Statement update() {
        next();
        Node target = simplePath();
        refuseAlias();
        List<Statement.Action> actions = actions();
        if (actions.isEmpty()) throw Messages.expectedDataManipulation();
        Node where = accept("WHERE") ? expression() : null;
        return new Statement.Update(target, actions, where, returning());
    }

    private Statement delete() {
        next();
        if (!accept("FROM")) throw failure(peek());
        Node target = simplePath();
        refuseAlias();
        Node where = accept("WHERE") ? expression() : null;
        return new Statement.Delete(target, where, returning());
    }

    /** {@code FROM t [WHERE c] SET ...}: PartiQL's other spelling of an update (or a delete). */
    @Override
    Statement fromFirst() {
        next();
        Node target = fromSource();
        Node where = accept("WHERE") ? expression() : null;
        if (accept("DELETE")) return new Statement.Delete(target, where, returning());
        List<Statement.Action> actions = actions();
        if (actions.isEmpty()) throw Messages.expectedDataManipulation();
        return new Statement.Update(target, actions, where, returning());
    }

    /** SET and REMOVE clauses, any number, in any order. */
    private List<Statement.Action> actions() {
        List<Statement.Action> actions = new ArrayList<>();
        while (true) {
            if (accept("SET")) {
                do {
                    Node path = postfix(primary());
                    if (!peek().isOperator("=")) throw failure(peek());
                    next();
                    if (atEnd()) throw Messages.missingRightHandSide();
                    actions.add(new Statement.SetAction(path, expression()));
                } while (acceptPunctuation(","));
            } else if (accept("REMOVE")) {
                do {
                    actions.add(new Statement.RemoveAction(postfix(primary())));
                } while (acceptPunctuation(","));
            } else {
                return actions;
            }
        }
    }

    private Statement.Returning returning() {
        if (!accept("RETURNING")) return null;
        boolean all;
        if (peek().isKeyword("ALL")) all = true;
        else if (peek().isWord("MODIFIED")) all = false;
        else throw failure(peek());
        next();
        boolean old;
        if (peek().isWord("OLD")) old = true;
        else if (peek().isWord("NEW")) old = false;
        else throw failure(peek());
        next();
        if (peek().isOperator("*")) next();
        else {
            expression();
            throw Messages.returningStar();
        }
        if (peek().isPunctuation(",")) throw Messages.returningElements();
        return all ? (old ? Statement.Returning.ALL_OLD : Statement.Returning.ALL_NEW)
                : (old ? Statement.Returning.MODIFIED_OLD : Statement.Returning.MODIFIED_NEW);
    }

    /** The target of INSERT INTO, UPDATE and DELETE FROM: a name, then only name or index steps. */
    private Node simplePath() {
        Token t = peek();
        if (!t.isName()) throw Messages.expectedSimplePath();
        next();
        Node root = new Node.Name(t.text(), t.kind() == Token.Kind.QUOTED);
        return postfix(root);
    }
}
