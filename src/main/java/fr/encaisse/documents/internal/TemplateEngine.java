package fr.encaisse.documents.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A deliberately small, logic-less template language (a subset of Mustache) for the templates
 * tenants edit. Safe by construction: a template can only print values the application put in
 * the model, every value is HTML-escaped, and nothing is evaluated — no expression language,
 * no method calls, no unescaped output. A name the model does not know is an error naming the
 * line, so a typo never prints an empty field in a legal letter.
 *
 * <ul>
 *   <li>{@code {{debtor.name}}} prints a value, escaped; {@code {{.}}} the current list item;</li>
 *   <li>{@code {{#invoices}}…{{/invoices}}} repeats for each item of a list, or shows the block when the
 *       value is true / present; {@code {{^x}}…{{/x}}} shows it when the value is false, empty or null;</li>
 *   <li>{@code {{> letter-header}}} includes another template of the same language;</li>
 *   <li>{@code {{! comment }}}.</li>
 * </ul>
 */
final class TemplateEngine {

    private static final Pattern NAME = Pattern.compile("\\.|[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final Pattern PARTIAL = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_PARTIAL_DEPTH = 5;

    private TemplateEngine() {
    }

    /** A template that cannot be rendered, with the 1-based line of the template at fault. */
    static final class TemplateException extends RuntimeException {
        private final String template;
        private final int line;

        TemplateException(String template, int line, String message) {
            super(template + ", line " + line + ": " + message);
            this.template = template;
            this.line = line;
        }

        String template() {
            return template;
        }

        int line() {
            return line;
        }
    }

    /**
     * Renders a template.
     *
     * @param partials finds the source of an included template by name (null when there is none)
     */
    static String render(String templateName, String source, Map<String, ?> model, Function<String, String> partials) {
        StringBuilder out = new StringBuilder(source.length() * 2);
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(model);
        new Renderer(partials, out).render(parse(templateName, source), stack, 0);
        return out.toString();
    }

    /** The template as a tree; a syntax error names the line. */
    static List<Node> parse(String templateName, String source) {
        List<Node> root = new ArrayList<>();
        Deque<Section> open = new ArrayDeque<>();
        int pos = 0;
        int line = 1;
        while (pos < source.length()) {
            int start = source.indexOf("{{", pos);
            if (start < 0) {
                add(root, open, new Text(source.substring(pos)));
                break;
            }
            if (start > pos) {
                add(root, open, new Text(source.substring(pos, start)));
            }
            line += count(source, pos, start);
            int end = source.indexOf("}}", start + 2);
            if (end < 0) {
                throw new TemplateException(templateName, line, "'{{' is never closed by '}}'");
            }
            String tag = source.substring(start + 2, end).trim();
            int tagLine = line;
            line += count(source, start, end);
            pos = end + 2;
            if (tag.isEmpty()) {
                throw new TemplateException(templateName, tagLine, "empty tag '{{}}'");
            }
            char sigil = tag.charAt(0);
            String name = tag.substring(1).trim();
            switch (sigil) {
                case '!' -> {
                    // comment
                }
                case '#', '^' -> {
                    checkName(templateName, tagLine, name);
                    Section s = new Section(name, sigil == '^', tagLine, new ArrayList<>());
                    add(root, open, s);
                    open.push(s);
                }
                case '/' -> {
                    if (open.isEmpty() || !open.peek().name.equals(name)) {
                        throw new TemplateException(templateName, tagLine, "'{{/" + name + "}}' closes nothing"
                                + (open.isEmpty() ? "" : " (the open section is '" + open.peek().name + "', line " + open.peek().line + ")"));
                    }
                    open.pop();
                }
                case '>' -> {
                    if (!PARTIAL.matcher(name).matches()) {
                        throw new TemplateException(templateName, tagLine, "'" + name + "' is not a template name");
                    }
                    add(root, open, new Include(name, tagLine));
                }
                case '{', '&' -> throw new TemplateException(templateName, tagLine,
                        "unescaped output is not allowed: every value is printed as text");
                default -> {
                    checkName(templateName, tagLine, tag);
                    add(root, open, new Value(tag, tagLine));
                }
            }
        }
        if (!open.isEmpty()) {
            throw new TemplateException(templateName, open.peek().line, "'{{#" + open.peek().name + "}}' is never closed");
        }
        return root;
    }

    private static void checkName(String template, int line, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new TemplateException(template, line, "'" + name + "' is not a field name (letters, digits, dots)");
        }
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void add(List<Node> root, Deque<Section> open, Node node) {
        (open.isEmpty() ? root : open.peek().children).add(node);
    }

    sealed interface Node permits Text, Value, Section, Include {
    }

    record Text(String text) implements Node {
    }

    record Value(String name, int line) implements Node {
    }

    record Section(String name, boolean inverted, int line, List<Node> children) implements Node {
    }

    record Include(String name, int line) implements Node {
    }

    private static final class Renderer {
        private final Function<String, String> partials;
        private final StringBuilder out;
        private final Deque<String> names = new ArrayDeque<>();

        Renderer(Function<String, String> partials, StringBuilder out) {
            this.partials = partials;
            this.out = out;
        }

        void render(List<Node> nodes, Deque<Object> stack, int depth) {
            for (Node node : nodes) {
                if (node instanceof Text t) {
                    out.append(t.text());
                } else if (node instanceof Value v) {
                    out.append(escape(text(lookup(v.name(), v.line(), stack))));
                } else if (node instanceof Section s) {
                    section(s, stack, depth);
                } else if (node instanceof Include i) {
                    include(i, stack, depth);
                }
            }
        }

        private void section(Section s, Deque<Object> stack, int depth) {
            Object value = lookup(s.name(), s.line(), stack);
            boolean truthy = truthy(value);
            if (s.inverted()) {
                if (!truthy) {
                    render(s.children(), stack, depth);
                }
                return;
            }
            if (!truthy) {
                return;
            }
            if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    stack.push(item);
                    render(s.children(), stack, depth);
                    stack.pop();
                }
            } else if (value instanceof Boolean) {
                render(s.children(), stack, depth);
            } else {
                stack.push(value);
                render(s.children(), stack, depth);
                stack.pop();
            }
        }

        private void include(Include i, Deque<Object> stack, int depth) {
            String template = current();
            if (depth >= MAX_PARTIAL_DEPTH || names.contains(i.name())) {
                throw new TemplateException(template, i.line(), "'{{> " + i.name() + "}}' includes itself or nests too deep");
            }
            String source = partials == null ? null : partials.apply(i.name());
            if (source == null) {
                throw new TemplateException(template, i.line(), "no template named '" + i.name() + "'");
            }
            names.push(i.name());
            render(parse(i.name(), source), stack, depth + 1);
            names.pop();
        }

        private String current() {
            return names.isEmpty() ? "template" : names.peek();
        }

        private Object lookup(String name, int line, Deque<Object> stack) {
            if (name.equals(".")) {
                return stack.peek();
            }
            String[] path = name.split("\\.");
            for (Object scope : stack) {
                if (scope instanceof Map<?, ?> map && map.containsKey(path[0])) {
                    Object value = map.get(path[0]);
                    for (int i = 1; i < path.length; i++) {
                        if (value == null) {
                            return null;
                        }
                        if (!(value instanceof Map<?, ?> inner) || !inner.containsKey(path[i])) {
                            throw new TemplateException(current(), line, "unknown field '" + name + "'");
                        }
                        value = inner.get(path[i]);
                    }
                    return value;
                }
            }
            throw new TemplateException(current(), line, "unknown field '" + name + "'");
        }
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        return true;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return "";
        }
        return value.toString();
    }

    /**
     * HTML/XML text: markup characters become entities, and characters XML 1.0 forbids (control
     * characters, lone surrogates) are dropped, so no value can break the document or add markup.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                            || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                        // not representable in XML 1.0: dropped
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
