package com.crmhub.crm.order;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<Order, Long>, JpaSpecificationExecutor<Order> {

    Optional<Order> findByExternalRef(String externalRef);

    Optional<Order> findByErpOrderNo(String erpOrderNo);

    /** The order, its row locked until the transaction ends: waits for a transaction changing it to finish first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.externalRef = ?1")
    Optional<Order> lockByExternalRef(String externalRef);

    Optional<Order> findByDeal_Id(Long dealId);

    /** Lists load what the views show in the same query, instead of one query per order. */
    @Override
    @EntityGraph(attributePaths = {"deal", "account"})
    Page<Order> findAll(Specification<Order> spec, Pageable pageable);

    /**
     * Counts an attempt without loading the order: no version bump and no lost update, so it never collides with the
     * delivery that is changing the same order at the same time.
     */
    @Modifying
    @Query("update Order o set o.erpAttempts = o.erpAttempts + 1 where o.externalRef = ?1")
    int incrementErpAttempts(String externalRef);

    @Query("select o.erpAttempts from Order o where o.externalRef = ?1")
    Optional<Integer> erpAttempts(String externalRef);
}
