package com.crmhub.crm.contact;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ContactRepository extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

    List<Contact> findByEmail(String email);

    List<Contact> findByMobile(String mobile);

    List<Contact> findByAccountIdOrderByIdAsc(Long accountId);
}
