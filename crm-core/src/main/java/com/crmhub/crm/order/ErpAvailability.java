package com.crmhub.crm.order;

import com.crmhub.canonical.order.StockLevel;
import java.util.Optional;

/**
 * Asks the ERP what it holds of a product; implemented where the ERP connection lives (the routes). Empty when the ERP
 * has no stock record for the SKU; throws when the ERP cannot be asked.
 */
public interface ErpAvailability {

    Optional<StockLevel> check(String sku);
}
