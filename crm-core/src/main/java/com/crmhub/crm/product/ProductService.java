package com.crmhub.crm.product;

import com.crmhub.crm.shared.Versions;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.Role;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The product catalogue: readable by every user, maintained by administrators and the ERP integration. */
@Service
@Transactional
public class ProductService {

    private final ProductRepository products;
    private final CurrentUser currentUser;

    ProductService(ProductRepository products, CurrentUser currentUser) {
        this.products = products;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public PageResponse<ProductView> list(String q, Boolean active, Integer page, Integer size) {
        Specification<Product> spec = (root, query, cb) -> cb.conjunction();
        if (q != null && !q.isBlank()) {
            String pattern = "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("sku")), pattern),
                    cb.like(cb.lower(root.get("name")), pattern)));
        }
        if (active != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("active"), active));
        }
        // A catalogue is browsed by SKU, not by recency.
        return PageResponse.of(products.findAll(spec, PageRequests.of(page, size, Sort.by("sku"))), ProductView::of);
    }

    @Transactional(readOnly = true)
    public ProductView get(String sku) {
        return ProductView.of(find(sku));
    }

    public ProductView create(ProductRequests.Create request) {
        requireCatalogueWriter();
        if (products.existsBySku(request.sku())) {
            throw new ConflictException("product " + request.sku() + " already exists", Map.of("sku", request.sku()));
        }
        Product product = new Product(request.sku());
        product.describe(request.name().trim(), request.unit().trim(), request.listPrice(), request.taxRate(),
                request.active() == null || request.active());
        return ProductView.of(products.saveAndFlush(product));
    }

    public ProductView update(String sku, ProductRequests.Update request, Long ifMatch) {
        requireCatalogueWriter();
        Product product = find(sku);
        Versions.check(product, ifMatch != null ? ifMatch : request.version());
        product.describe(request.name().trim(), request.unit().trim(), request.listPrice(), request.taxRate(),
                request.active());
        return ProductView.of(products.saveAndFlush(product));
    }

    private Product find(String sku) {
        return products.findBySku(sku).orElseThrow(() -> new NotFoundException("product", sku));
    }

    private void requireCatalogueWriter() {
        HubUser user = currentUser.require();
        if (!(user.has(Role.ADMIN) || user.has(Role.INTEGRATION))) {
            throw new AccessDeniedException("the product catalogue is maintained by administrators and the ERP");
        }
    }
}
