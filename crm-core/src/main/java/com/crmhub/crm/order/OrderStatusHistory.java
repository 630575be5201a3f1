package com.crmhub.crm.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderStatusHistory extends JpaRepository<OrderStatusChange, Long> {

    List<OrderStatusChange> findByOrderIdOrderByIdAsc(Long orderId);
}
