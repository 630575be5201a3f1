package com.crmhub.crm.order;

import com.crmhub.crm.deal.Deal;
import com.crmhub.crm.deal.DealRepository;
import com.crmhub.crm.deal.DealStatus;
import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.TimelineService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the order of a won deal in a transaction of its own, so that when two deliveries of the same DealWon race,
 * the loser's unique-key violation ends only this transaction and {@link OrderService} can read the winner's order.
 */
@Component
class OrderCreation {

    private final OrderRepository orders;
    private final OrderStatusHistory history;
    private final DealRepository deals;
    private final TimelineService timeline;
    private final CurrentUser currentUser;

    OrderCreation(OrderRepository orders, OrderStatusHistory history, DealRepository deals, TimelineService timeline,
                  CurrentUser currentUser) {
        this.orders = orders;
        this.history = history;
        this.deals = deals;
        this.timeline = timeline;
        this.currentUser = currentUser;
    }

    /** The deal's order, created unless it exists, as {@code result} sees it within the creating transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    <T> T create(DealWon event, Clock clock, Function<Order, T> result) {
        var existing = orders.findByDeal_Id(event.dealId());
        if (existing.isPresent()) {
            return result.apply(existing.get());
        }
        Deal deal = deals.findById(event.dealId()).orElseThrow(() -> new NotFoundException("deal", event.dealId()));
        if (deal.getStatus() != DealStatus.WON) {
            throw new ConflictException("deal " + deal.getId() + " is " + deal.getStatus()
                    + "; only a won deal becomes an order", Map.of("currentStatus", deal.getStatus()));
        }
        List<OrderLine> lines = event.lines().stream()
                .map(l -> OrderLine.ordered(l.lineNo(), l.sku(), l.productName(), l.quantity(), l.unitPrice(),
                        l.taxRate()))
                .toList();
        Order order = orders.saveAndFlush(new Order(deal, deal.getAccount(),
                event.currency() == null ? deal.getCurrency() : event.currency(),
                event.amount() == null ? deal.getAmount() : event.amount(), lines));
        Instant now = clock.instant();
        history.save(new OrderStatusChange(order.getId(), null, OrderStatus.PENDING_ERP, now, currentUser.actorName(),
                "created from won deal " + deal.getId()));
        String ref = order.getExternalRef();
        timeline.record(OrderService.onDeal(EntryKind.ORDER, deal.getId(), "Order " + ref + " sent to the ERP",
                body(order), now, "order-created:" + ref));
        return result.apply(order);
    }

    /** The order of a deal, read for a caller outside any transaction (the one that lost a creation race). */
    @Transactional(readOnly = true)
    <T> Optional<T> existing(long dealId, Function<Order, T> result) {
        return orders.findByDeal_Id(dealId).map(result);
    }

    private static String body(Order order) {
        return order.getLines().stream()
                .map(l -> "Line " + l.lineNo() + " " + l.sku() + " " + l.productName() + ": "
                        + l.quantity().stripTrailingZeros().toPlainString() + " x " + l.unitPrice().toPlainString())
                .collect(Collectors.joining("\n", "", "\nTotal " + order.getAmount().toPlainString() + " "
                        + order.getCurrency()));
    }
}
