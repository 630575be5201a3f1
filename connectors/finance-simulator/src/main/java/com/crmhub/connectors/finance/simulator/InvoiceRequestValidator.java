package com.crmhub.connectors.finance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The finance system's checks of an InvoiceRequest, read from the contract: required fields present and strings,
 * money as decimal strings with exactly 2 fraction digits, a positive quantity, a VAT rate it knows, an 18-character
 * unified social credit code. Unknown fields are ignored, as a lenient public API does.
 */
final class InvoiceRequestValidator {

    /** The amounts of a valid request, net of tax per line rounded to cents, as the tax gateway computes them. */
    record ValidRequest(String externalRef, String buyerName, String currency, BigDecimal net, BigDecimal tax) {
    }

    static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static final Pattern MONEY = Pattern.compile("-?\\d{1,15}\\.\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_LINES = 200;

    private final List<String> currencies;
    private final List<BigDecimal> taxRates;

    InvoiceRequestValidator(List<String> currencies, List<BigDecimal> taxRates) {
        this.currencies = currencies;
        this.taxRates = taxRates;
    }

    ValidRequest validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Invalid(null, "the body must be a JSON object");
        }
        String externalRef = text(body, "externalRef", "externalRef", true, 128);
        text(body, "erpOrderNo", "erpOrderNo", false, 64);
        JsonNode buyer = body.get("buyer");
        if (buyer == null || buyer.isNull()) {
            throw new Invalid("buyer", "is required");
        }
        if (!buyer.isObject()) {
            throw new Invalid("buyer", "must be an object");
        }
        String buyerName = text(buyer, "name", "buyer.name", true, 200);
        String taxId = text(buyer, "taxId", "buyer.taxId", false, 18);
        if (taxId != null && !CREDIT_CODE.matcher(taxId).matches()) {
            throw new Invalid("buyer.taxId", "must be an 18-character unified social credit code");
        }
        text(buyer, "address", "buyer.address", false, 300);
        text(buyer, "phone", "buyer.phone", false, 40);
        text(buyer, "bankAccount", "buyer.bankAccount", false, 100);
        String email = text(buyer, "email", "buyer.email", false, 254);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new Invalid("buyer.email", "must be an e-mail address");
        }
        String currency = text(body, "currency", "currency", true, 3);
        if (!CURRENCY.matcher(currency).matches() || !currencies.contains(currency)) {
            throw new Invalid("currency", "must be one of " + currencies);
        }
        JsonNode lines = body.get("lines");
        if (lines == null || lines.isNull()) {
            throw new Invalid("lines", "is required");
        }
        if (!lines.isArray() || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new Invalid("lines", "must be an array of 1 to " + MAX_LINES + " lines");
        }
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String at = "lines[" + i + "]";
            if (!line.isObject()) {
                throw new Invalid(at, "must be an object");
            }
            text(line, "sku", at + ".sku", false, 64);
            text(line, "description", at + ".description", true, 200);
            BigDecimal quantity = decimal(line, "quantity", at + ".quantity", DECIMAL, "a decimal string");
            if (quantity.signum() <= 0) {
                throw new Invalid(at + ".quantity", "must be more than 0");
            }
            BigDecimal unitPrice = decimal(line, "unitPrice", at + ".unitPrice", MONEY,
                    "a decimal string with 2 fraction digits");
            if (unitPrice.signum() < 0) {
                throw new Invalid(at + ".unitPrice", "cannot be negative");
            }
            BigDecimal taxRate = decimal(line, "taxRate", at + ".taxRate", DECIMAL, "a decimal fraction");
            if (taxRates.stream().noneMatch(rate -> rate.compareTo(taxRate) == 0)) {
                throw new Invalid(at + ".taxRate", "must be one of " + taxRates + " (a fraction: 0.13 for 13 %)");
            }
            BigDecimal lineNet = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            net = net.add(lineNet);
            tax = tax.add(lineNet.multiply(taxRate).setScale(2, RoundingMode.HALF_UP));
        }
        return new ValidRequest(externalRef, buyerName, currency, net, tax);
    }

    private static String text(JsonNode parent, String name, String field, boolean required, int maxLength) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Invalid(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new Invalid(field, "must be a string");
        }
        String text = value.textValue();
        if (required && text.isBlank()) {
            throw new Invalid(field, "cannot be blank");
        }
        if (text.length() > maxLength) {
            throw new Invalid(field, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    private static BigDecimal decimal(JsonNode parent, String name, String field, Pattern format, String what) {
        String text = text(parent, name, field, true, 32);
        if (!format.matcher(text).matches()) {
            throw new Invalid(field, "must be " + what);
        }
        return new BigDecimal(text);
    }
}
