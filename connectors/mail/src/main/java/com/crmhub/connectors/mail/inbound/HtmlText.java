package com.crmhub.connectors.mail.inbound;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a person reads in an HTML mail, with its paragraphs and line breaks. jsoup parses the HTML as a browser
 * would (broken markup included); jsoup's own {@code text()} would run every paragraph into one line, so the block
 * structure is walked here. Scripts, styles and the head are dropped; links keep their text.
 */
final class HtmlText {

    /** Set off by a blank line. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
            "table", "ul", "ol", "hr");
    /** On a line of their own. */
    private static final Set<String> LINES = Set.of("div", "li", "tr", "address", "section", "article", "header",
            "footer");

    private HtmlText() {
    }

    static String of(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String value = text.getWholeText().replaceAll("[\\s\\u00a0]+", " ");
                    if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
                        value = value.stripLeading();
                    }
                    out.append(value);
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        out.append('\n');
                    } else {
                        breakFor(element, out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    breakFor(element, out);
                }
            }
        }, document.body());
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void breakFor(Element element, StringBuilder out) {
        if (PARAGRAPHS.contains(element.normalName())) {
            newLine(out);
            if (!out.isEmpty() && !out.toString().endsWith("\n\n")) {
                out.append('\n');
            }
        } else if (LINES.contains(element.normalName())) {
            newLine(out);
        }
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
