package com.crmhub.crm.order;

import static com.crmhub.crm.order.OrderFixtures.account;
import static com.crmhub.crm.order.OrderFixtures.deal;
import static com.crmhub.crm.order.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.order.Customer;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.SalesOrderLine;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.ExternalRef;
import com.crmhub.crm.deal.Deal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderSalesOrderMapperTests {

    @Test
    void theOrderBecomesASalesOrderKeyedByItsExternalRef() {
        Account account = account(7, "Acme Pumps Co., Ltd.");
        account.setCreditCode("91330100MA2KXXXX0X");
        account.setProvince("浙江省");
        account.setCity("杭州市");
        account.getExternalRefs().add(new ExternalRef("erp", "C-1001"));
        Deal deal = deal(42, account);
        deal.setExpectedCloseDate(LocalDate.of(2026, 5, 1));
        Order order = new Order(deal, account, "CNY", new BigDecimal("250"), List.of(line(1, "2.5"),
                OrderLine.ordered(2, "SKU-2", "Valve", new BigDecimal("1"), new BigDecimal("19.99"),
                        new BigDecimal("0.06"))));

        SalesOrder sales = OrderSalesOrderMapper.toSalesOrder(order);

        assertThat(sales.orderId()).isEqualTo("CRM-ORD-42").isEqualTo(order.getExternalRef());
        assertThat(sales.dealId()).isEqualTo("42");
        assertThat(sales.currency()).isEqualTo("CNY");
        assertThat(sales.requestedDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(sales.customer()).isEqualTo(new Customer("C-1001", "Acme Pumps Co., Ltd.", "91330100MA2KXXXX0X",
                "浙江省 杭州市"));
        assertThat(sales.lines()).containsExactly(
                new SalesOrderLine(1, "SKU-1", "Product 1", new BigDecimal("2.500"), new BigDecimal("100.00"),
                        new BigDecimal("0.1300")),
                new SalesOrderLine(2, "SKU-2", "Valve", new BigDecimal("1.000"), new BigDecimal("19.99"),
                        new BigDecimal("0.0600")));
    }

    @Test
    void withoutAnExpectedCloseDateNoDateIsRequested() {
        assertThat(OrderSalesOrderMapper.toSalesOrder(OrderFixtures.order(line(1, "1"))).requestedDate()).isNull();
    }

    @Nested
    class CustomerCode {

        @Test
        void aCustomerTheErpHasNotNumberedIsCrmAndTheAccountId() {
            Account account = account(7, "Acme");
            account.getExternalRefs().add(new ExternalRef("finance", "B-9"));
            assertThat(OrderSalesOrderMapper.customer(account).code()).isEqualTo("CRM-7");
        }

        @Test
        void theErpSystemIsMatchedRegardlessOfCaseAndTheSmallestCodeWins() {
            Account account = account(7, "Acme");
            account.getExternalRefs().add(new ExternalRef("ERP", "C-2"));
            account.getExternalRefs().add(new ExternalRef("erp", "C-1"));
            assertThat(OrderSalesOrderMapper.customer(account).code()).isEqualTo("C-1");
        }

        @Test
        void withoutCreditCodeOrAddressThoseAreNull() {
            Customer customer = OrderSalesOrderMapper.customer(account(7, "Acme"));
            assertThat(customer.taxId()).isNull();
            assertThat(customer.address()).isNull();
        }
    }

    @Nested
    class Address {

        @Test
        void isProvinceAndCityWhenBothAreKnown() {
            assertThat(OrderSalesOrderMapper.address("Zhejiang", "Hangzhou")).isEqualTo("Zhejiang Hangzhou");
        }

        @Test
        void isWhicheverIsKnown() {
            assertThat(OrderSalesOrderMapper.address(null, "Hangzhou")).isEqualTo("Hangzhou");
            assertThat(OrderSalesOrderMapper.address("Zhejiang", " ")).isEqualTo("Zhejiang");
        }

        @Test
        void isNullWhenNeitherIs() {
            assertThat(OrderSalesOrderMapper.address(null, "")).isNull();
        }
    }
}
