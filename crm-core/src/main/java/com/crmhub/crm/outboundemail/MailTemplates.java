package com.crmhub.crm.outboundemail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Mail texts from Thymeleaf templates under {@code classpath:/mail-templates/}: for a template {@code name},
 * {@code name.subject.txt} (one line), {@code name.txt} (the text part) and optionally {@code name.html} (the HTML
 * part). Text templates write values as given ({@code [(${value})]}); HTML templates escape them ({@code th:text}), so
 * what a customer or a user typed never becomes markup. Engines of their own, apart from Spring MVC's view templates.
 */
@Component
public class MailTemplates {

    static final String PREFIX = "mail-templates/";

    /** Template names are paths below the prefix: no "..", no absolute paths. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");

    private final SpringTemplateEngine text = engine(".txt", TemplateMode.TEXT);
    private final SpringTemplateEngine html = engine(".html", TemplateMode.HTML);

    /** True when {@code name} has at least its subject and text. */
    public boolean exists(String name) {
        return name != null && NAME.matcher(name).matches() && resource(name + ".subject.txt").exists()
                && resource(name + ".txt").exists();
    }

    /**
     * Renders the subject, the text and (when the template has one) the HTML part.
     *
     * @throws IllegalArgumentException no such template
     */
    public RenderedMail render(String name, Map<String, ?> variables, Locale locale) {
        if (!exists(name)) {
            throw new IllegalArgumentException("no mail template " + name);
        }
        Context context = new Context(locale, Map.copyOf(variables));
        String subject = text.process(name + ".subject", context).strip().replaceAll("\\s+", " ");
        String body = text.process(name, context);
        String htmlBody = resource(name + ".html").exists() ? html.process(name, context) : null;
        return new RenderedMail(subject, body, htmlBody);
    }

    /** A text as HTML: paragraphs at blank lines, line breaks kept, every character escaped. */
    public String plainHtml(String plain) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : plain.strip().split("\\R\\s*\\R")) {
            paragraphs.add(List.of(paragraph.split("\\R")));
        }
        return html.process("plain", new Context(Locale.ROOT, Map.of("paragraphs", paragraphs)));
    }

    private static ClassPathResource resource(String path) {
        return new ClassPathResource(PREFIX + path);
    }

    private static SpringTemplateEngine engine(String suffix, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
