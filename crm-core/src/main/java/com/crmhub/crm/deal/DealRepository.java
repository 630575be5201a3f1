package com.crmhub.crm.deal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DealRepository extends JpaRepository<Deal, Long>, JpaSpecificationExecutor<Deal> {

    /** Lists load what the views show in the same query, instead of one query per deal. */
    @Override
    @EntityGraph(attributePaths = {"account", "contact", "pipeline", "stage"})
    Page<Deal> findAll(Specification<Deal> spec, Pageable pageable);
}
