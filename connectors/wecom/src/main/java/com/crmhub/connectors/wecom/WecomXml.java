package com.crmhub.connectors.wecom;

import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads WeCom's flat {@code <xml><Name>value</Name>...</xml>} documents into a map of element name to text.
 * <p>
 * The parser refuses any DOCTYPE, so neither external entities (XXE: reading local files, reaching internal hosts) nor
 * internal entity expansion ("billion laughs") can happen; WeCom never sends a DOCTYPE. External entities, DTD loading
 * and XInclude are switched off as well, in case a parser ignores one of the settings.
 */
final class WecomXml {

    private static final String ROOT = "xml";
    /** Configured once and never changed after; guarded by its own lock when builders are made from it. */
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private WecomXml() {
    }

    /**
     * @return the root's child elements by name (text content, CDATA included); an empty element maps to ""
     * @throws CallbackRejectedException {@link CallbackRejection#MALFORMED_XML} for anything but a well-formed
     *                                   {@code <xml>} document without DOCTYPE
     */
    static Map<String, String> parseFlat(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_XML, "the XML body is empty");
        }
        Element root;
        try {
            root = newBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            // The parser's message may quote the document; it stays out of ours.
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_XML,
                    "the XML is malformed or declares a DOCTYPE");
        }
        if (!ROOT.equals(root.getTagName())) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_XML, "the XML root is not <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                fields.putIfAbsent(child.getNodeName(), child.getTextContent());
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    /**
     * A builder from the one hardened factory. The factory is the JDK's own ({@code newDefaultInstance}), made once:
     * {@code newInstance()} searches the class path for a provider on every call, and in the hub's nested jar that
     * search cost more than the rest of a callback together (measured by the benchmark, 5). Factories are not
     * thread-safe, so builders are made under its lock; a builder serves one parse.
     */
    private static DocumentBuilder newBuilder() {
        DocumentBuilder builder;
        try {
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened against external entities", e);
        }
        builder.setErrorHandler(SILENT);
        return builder;
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            factory.setCoalescing(true);
            // Fail closed now, at start-up: a parser that cannot be hardened must not parse callbacks.
            factory.newDocumentBuilder();
            return factory;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be hardened against external entities", e);
        }
    }

    /** Throws instead of printing "[Fatal Error]" with document content to stderr. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a document unsafe or malformed.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
