package com.crmhub.crm.order;

import com.crmhub.crm.shared.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/shipment-notices}: the ERP's shipment notices for operators (the security configuration admits
 * ADMIN and OPERATOR only), and re-applying the parked ones once their orders are known.
 */
@RestController
@RequestMapping("/api/v1/ops/shipment-notices")
class ShipmentNoticeController {

    record Reapplied(int reapplied) {
    }

    private final OrderService service;

    ShipmentNoticeController(OrderService service) {
        this.service = service;
    }

    @GetMapping
    PageResponse<ShipmentNoticeView> list(@RequestParam(required = false) NoticeStatus status,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return service.shipmentNotices(status, page, size);
    }

    @PostMapping("/reapply")
    Reapplied reapply() {
        return new Reapplied(service.reapplyParkedShipments());
    }
}
