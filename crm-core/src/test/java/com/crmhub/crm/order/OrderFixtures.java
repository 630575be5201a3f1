package com.crmhub.crm.order;

import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountType;
import com.crmhub.crm.deal.Deal;
import com.crmhub.crm.pipeline.Pipeline;
import com.crmhub.crm.pipeline.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.test.util.ReflectionTestUtils;

/** Orders without a database: ids are set the way Hibernate would. */
final class OrderFixtures {

    private OrderFixtures() {
    }

    static Account account(long id, String name) {
        Account account = new Account(AccountType.COMPANY, name, name.toLowerCase());
        ReflectionTestUtils.setField(account, "id", id);
        return account;
    }

    static Deal deal(long id, Account account) {
        Pipeline pipeline = new Pipeline("Standard");
        Stage open = pipeline.addStage("Qualify", 1, new BigDecimal("0.1"), false, false, null);
        Deal deal = new Deal(account, pipeline, open, "Pumps", "CNY", Instant.parse("2026-01-01T00:00:00Z"));
        ReflectionTestUtils.setField(deal, "id", id);
        return deal;
    }

    static OrderLine line(int no, String quantity) {
        return OrderLine.ordered(no, "SKU-" + no, "Product " + no, new BigDecimal(quantity), new BigDecimal("100"),
                new BigDecimal("0.13"));
    }

    static Order order(OrderLine... lines) {
        Account account = account(7, "Acme");
        return new Order(deal(42, account), account, "CNY", new BigDecimal("600"), List.of(lines));
    }
}
