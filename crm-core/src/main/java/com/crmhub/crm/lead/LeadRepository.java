package com.crmhub.crm.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface LeadRepository extends JpaRepository<Lead, Long>, JpaSpecificationExecutor<Lead> {

    Optional<Lead> findFirstByEmailAndStatusInOrderByIdDesc(String email, Collection<LeadStatus> statuses);

    Optional<Lead> findFirstByMobileAndStatusInOrderByIdDesc(String mobile, Collection<LeadStatus> statuses);

    @Query("select l.owner, count(l) from Lead l where l.owner in :owners and l.status in :statuses group by l.owner")
    List<Object[]> countByOwner(Collection<String> owners, Collection<LeadStatus> statuses);
}
