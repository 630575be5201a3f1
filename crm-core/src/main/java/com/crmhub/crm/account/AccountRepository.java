package com.crmhub.crm.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

    Optional<Account> findByCreditCode(String creditCode);

    List<Account> findByNormalizedName(String normalizedName);

    /** Bounded, for matching: a very common name should not load every account that has it. */
    List<Account> findTop50ByNormalizedNameOrderByIdAsc(String normalizedName);

    @Query("select a from Account a join a.externalRefs r where r.system = ?1 and r.externalId = ?2")
    Optional<Account> findByExternalRef(String system, String externalId);
}
