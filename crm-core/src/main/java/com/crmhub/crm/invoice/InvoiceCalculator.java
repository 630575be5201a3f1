package com.crmhub.crm.invoice;

import com.crmhub.canonical.invoice.InvoiceLine;
import com.crmhub.canonical.invoice.InvoiceTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Invoice amounts from shipped lines. Each line's net (quantity x unit price net of tax) and tax (net x rate) are
 * rounded half-up to 2 places on the line, and the totals are the sums of the rounded line amounts, so the invoice
 * always adds up line by line (as a Chinese VAT invoice does), and gross = net + tax.
 */
public final class InvoiceCalculator {

    private static final int MONEY_SCALE = 2;
    private static final int QUANTITY_SCALE = 3;

    private InvoiceCalculator() {
    }

    /** A shipped line: unit price net of tax, tax rate as a fraction (0.13 for 13 %). */
    public record ShippedLine(int lineNo, String sku, String description, BigDecimal quantity, BigDecimal unitPriceNet,
                              BigDecimal taxRate) {

        public ShippedLine {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPriceNet, "unitPriceNet");
            Objects.requireNonNull(taxRate, "taxRate");
            if (quantity.signum() < 0 || unitPriceNet.signum() < 0 || taxRate.signum() < 0) {
                throw new IllegalArgumentException("line " + lineNo + ": negative quantity, price or tax rate");
            }
        }
    }

    /** The invoice's lines and totals. */
    public record Amounts(List<InvoiceLine> lines, InvoiceTotals totals) {
    }

    public static InvoiceLine line(ShippedLine shipped) {
        BigDecimal net = money(shipped.quantity().multiply(shipped.unitPriceNet()));
        BigDecimal tax = money(net.multiply(shipped.taxRate()));
        return new InvoiceLine(shipped.lineNo(), shipped.sku(),
                shipped.description() == null ? Objects.requireNonNullElse(shipped.sku(), "") : shipped.description(),
                shipped.quantity().setScale(QUANTITY_SCALE, RoundingMode.HALF_UP),
                money(shipped.unitPriceNet()), shipped.taxRate(), net, tax);
    }

    public static Amounts calculate(List<ShippedLine> shipped) {
        List<InvoiceLine> lines = shipped.stream().map(InvoiceCalculator::line).toList();
        BigDecimal net = lines.stream().map(InvoiceLine::netAmount).reduce(zero(), BigDecimal::add);
        BigDecimal tax = lines.stream().map(InvoiceLine::taxAmount).reduce(zero(), BigDecimal::add);
        return new Amounts(lines, new InvoiceTotals(net, tax, net.add(tax)));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(MONEY_SCALE);
    }
}
