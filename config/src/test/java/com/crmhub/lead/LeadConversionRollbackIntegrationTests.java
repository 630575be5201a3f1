package com.crmhub.lead;

import static com.crmhub.lead.LeadFixtures.LEADS;
import static com.crmhub.lead.LeadFixtures.qualifiedLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import com.crmhub.crm.deal.DealService;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A conversion that fails at its last step (the deal) leaves no account, contact, event or lead change behind. */
@HubIntegrationTest
class LeadConversionRollbackIntegrationTests extends ApiTestSupport {

    @MockitoSpyBean
    private DealService dealService;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aFailedConversionLeavesNothingHalfWritten() {
        doThrow(new ConflictException("the deal could not be created"))
                .when(dealService).createForConversion(any(), any(), any(), any(), any());
        var sales = as("sales_east1");
        String company = unique("Atomic Co");
        String email = unique("atomic") + "@atomic.example";
        long id = qualifiedLead(sales, unique("Atomic"), Map.of("companyName", company, "email", email));

        var failed = sales.post(LEADS + "/" + id + "/convert", Map.of("createDeal", true)).expect(409);
        assertThat(failed.text("detail")).as("failed at the deal, after account and contact were written")
                .isEqualTo("the deal could not be created");
        verify(dealService).createForConversion(any(), any(), any(), any(), any());

        var lead = sales.get(LEADS + "/" + id).expect(200);
        assertThat(lead.text("status")).isEqualTo("QUALIFIED");
        assertThat(lead.body().path("version").asLong()).isEqualTo(2);
        assertThat(lead.body().has("convertedAccountId")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from account where name = ?", Integer.class, company)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from contact where email = ?", Integer.class, email)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'LeadConverted' "
                + "and business_key = ?", Integer.class, "lead:" + id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'AccountChanged' "
                + "and payload like ?", Integer.class, "%" + company + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entity_type = 'account' "
                + "and changes like ?", Integer.class, "%" + company + "%")).isZero();
    }
}
