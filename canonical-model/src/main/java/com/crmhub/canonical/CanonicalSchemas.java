package com.crmhub.canonical;

/**
 * Where the JSON Schema of each canonical payload lives on the classpath. Routes validate a message against its schema
 * before it enters a flow; a message that does not validate never does.
 */
public final class CanonicalSchemas {

    public static final String SALES_ORDER = "/canonical/schemas/sales-order.v1.schema.json";
    public static final String ORDER_ACCEPTED = "/canonical/schemas/order-accepted.v1.schema.json";
    public static final String SHIPMENT = "/canonical/schemas/shipment.v1.schema.json";
    public static final String INVOICE = "/canonical/schemas/invoice.v1.schema.json";
    public static final String INVOICE_EVENT = "/canonical/schemas/invoice-event.v1.schema.json";
    public static final String CHAT_MESSAGE = "/canonical/schemas/chat-message.v1.schema.json";
    public static final String CHANNEL_CONTACT_ADDED = "/canonical/schemas/channel-contact-added.v1.schema.json";
    public static final String EMAIL_MESSAGE = "/canonical/schemas/email-message.v1.schema.json";
    public static final String LEAD_CAPTURE = "/canonical/schemas/lead-capture.v1.schema.json";

    private CanonicalSchemas() {
    }

    /** The schema of a payload type name ({@code SalesOrder}, ...), or null when the type has none. */
    public static String forType(String type) {
        return switch (type) {
            case "SalesOrder" -> SALES_ORDER;
            case "OrderAccepted" -> ORDER_ACCEPTED;
            case "Shipment" -> SHIPMENT;
            case "Invoice" -> INVOICE;
            case "InvoiceEvent" -> INVOICE_EVENT;
            case "ChatMessage" -> CHAT_MESSAGE;
            case "ChannelContactAdded" -> CHANNEL_CONTACT_ADDED;
            case "EmailMessage" -> EMAIL_MESSAGE;
            case "LeadCapture" -> LEAD_CAPTURE;
            default -> null;
        };
    }
}
