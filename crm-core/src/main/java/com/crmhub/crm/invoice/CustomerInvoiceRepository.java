package com.crmhub.crm.invoice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerInvoiceRepository extends JpaRepository<CustomerInvoice, Long> {

    Optional<CustomerInvoice> findByInvoiceKey(String invoiceKey);

    Optional<CustomerInvoice> findByFinanceInvoiceId(String financeInvoiceId);

    List<CustomerInvoice> findByOrderIdOrderByIdAsc(Long orderId);

    List<CustomerInvoice> findByAccountIdOrderByIdAsc(Long accountId);

    List<CustomerInvoice> findTop500ByStatusOrderByIdAsc(CustomerInvoiceStatus status);
}
