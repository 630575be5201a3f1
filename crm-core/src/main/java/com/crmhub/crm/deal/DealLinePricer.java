package com.crmhub.crm.deal;

import com.crmhub.crm.product.Product;
import com.crmhub.crm.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the lines a client sends into deal lines: the SKU must name an active product, whose name is copied and whose
 * list price and tax rate fill in what the client left out. Lines are numbered from 1 in the order given.
 */
final class DealLinePricer {

    private DealLinePricer() {
    }

    static List<DealLine> price(List<DealRequests.LineDraft> drafts, Map<String, Product> productsBySku) {
        List<DealLine> lines = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            DealRequests.LineDraft d = drafts.get(i);
            String at = "lines[" + i + "]";
            Product product = d.sku() == null ? null : productsBySku.get(d.sku().trim());
            if (product == null) {
                throw new InvalidFieldException(at + ".sku", "unknown product '" + d.sku() + "'");
            }
            if (!product.isActive()) {
                throw new InvalidFieldException(at + ".sku", "product '" + d.sku() + "' is no longer sold");
            }
            if (d.quantity() == null || d.quantity().signum() <= 0) {
                throw new InvalidFieldException(at + ".quantity", "must be greater than 0");
            }
            BigDecimal unitPrice = d.unitPrice() != null ? d.unitPrice() : product.getListPrice();
            if (unitPrice.signum() < 0) {
                throw new InvalidFieldException(at + ".unitPrice", "must be 0 or more");
            }
            BigDecimal taxRate = d.taxRate() != null ? d.taxRate() : product.getTaxRate();
            if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidFieldException(at + ".taxRate", "must be between 0 and 1");
            }
            lines.add(new DealLine(i + 1, product.getSku(), product.getName(),
                    d.quantity().setScale(3, RoundingMode.HALF_UP), unitPrice.setScale(2, RoundingMode.HALF_UP),
                    taxRate.setScale(4, RoundingMode.HALF_UP)));
        }
        return lines;
    }
}
