package com.crmhub.crm.deal;

import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.contact.ContactRepository;
import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.pipeline.Pipeline;
import com.crmhub.crm.pipeline.PipelineRepository;
import com.crmhub.crm.pipeline.Stage;
import com.crmhub.crm.pipeline.StageRepository;
import com.crmhub.crm.product.Product;
import com.crmhub.crm.product.ProductRepository;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.security.Ownership;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Versions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals: creation on a visible account, edits while OPEN, stage moves, win and lose. Every stage change publishes
 * {@link DealStageChanged}; winning also publishes {@link DealWon} and losing {@link DealLost}, through the outbox in
 * the same transaction.
 */
@Service
@Transactional
public class DealService {

    public static final String DEFAULT_CURRENCY = "CNY";
    private static final int MAX_NAME = 200;

    private final DealRepository deals;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final PipelineRepository pipelines;
    private final StageRepository stages;
    private final ProductRepository products;
    private final DataScope dataScope;
    private final Ownership ownership;
    private final Outbox outbox;
    private final Clock clock;

    DealService(DealRepository deals, AccountRepository accounts, ContactRepository contacts,
                PipelineRepository pipelines, StageRepository stages, ProductRepository products, DataScope dataScope,
                Ownership ownership, Outbox outbox, ObjectProvider<Clock> clock) {
        this.deals = deals;
        this.accounts = accounts;
        this.contacts = contacts;
        this.pipelines = pipelines;
        this.stages = stages;
        this.products = products;
        this.dataScope = dataScope;
        this.ownership = ownership;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public DealView create(DealRequests.Create request) {
        dataScope.requireWriter();
        Account account = visibleAccount(request.accountId());
        Pipeline pipeline = request.pipelineId() == null ? defaultPipeline()
                : pipelines.findById(request.pipelineId())
                        .orElseThrow(() -> new InvalidFieldException("pipelineId", "unknown pipeline"));
        Stage stage = request.stageId() == null ? firstStage(pipeline) : stage(request.stageId());
        Instant now = clock.instant();
        Deal deal = new Deal(account, pipeline, stage, request.name().trim(), currency(request.currency()), now);
        deal.setContact(contactOf(account, request.contactId()));
        deal.setExpectedCloseDate(request.expectedCloseDate());
        deal.setEstimatedAmount(request.estimatedAmount());
        if (request.lines() != null) {
            deal.replaceLines(price(request.lines()));
        }
        ownership.assign(deal, request.owner());
        return DealView.of(deals.saveAndFlush(deal), now);
    }

    /**
     * Creates the deal of a lead conversion: on {@code account} (which the caller has already resolved and checked),
     * in the default pipeline's first open stage, without lines, currency CNY. {@code amountHintOrNull} (the lead's
     * budget, say) is kept as the deal's {@code estimatedAmount}; {@code amount} stays the lines' total, so 0 until
     * lines are added. {@code owner} follows {@link Ownership#assign} (null: the caller). Joins the caller's
     * transaction; publishes no event. A blank name falls back to the account's name; long names are cut to 200.
     */
    public Deal createForConversion(Account account, Contact contactOrNull, String name, BigDecimal amountHintOrNull,
                                    String owner) {
        Objects.requireNonNull(account, "account");
        dataScope.requireWriter();
        Pipeline pipeline = defaultPipeline();
        String dealName = name == null || name.isBlank() ? account.getName() : name.trim();
        if (dealName.length() > MAX_NAME) {
            dealName = dealName.substring(0, MAX_NAME);
        }
        Deal deal = new Deal(account, pipeline, firstStage(pipeline), dealName, DEFAULT_CURRENCY, clock.instant());
        if (contactOrNull != null) {
            if (!Objects.equals(contactOrNull.getAccount().getId(), account.getId())) {
                throw new InvalidFieldException("contactId", "the contact does not belong to the deal's account");
            }
            deal.setContact(contactOrNull);
        }
        if (amountHintOrNull != null && amountHintOrNull.signum() >= 0) {
            deal.setEstimatedAmount(amountHintOrNull);
        }
        ownership.assign(deal, owner);
        return deals.save(deal);
    }

    @Transactional(readOnly = true)
    public DealView get(long id) {
        return DealView.of(dataScope.readable(deals.findById(id).orElse(null), "deal", id), clock.instant());
    }

    @Transactional(readOnly = true)
    public PageResponse<DealView> list(DealFilter filter, Integer page, Integer size) {
        Specification<Deal> spec = dataScope.visible();
        if (filter.owner() != null && !filter.owner().isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("owner"), filter.owner().trim()));
        }
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.stageId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("stage").get("id"), filter.stageId()));
        }
        if (filter.pipelineId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("pipeline").get("id"), filter.pipelineId()));
        }
        if (filter.accountId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("account").get("id"), filter.accountId()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String pattern = "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), pattern));
        }
        if (filter.updatedSince() != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("updatedAt"), filter.updatedSince()));
        }
        Sort sort = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
        Instant now = clock.instant();
        return PageResponse.of(deals.findAll(spec, PageRequests.of(page, size, sort)), d -> DealView.of(d, now));
    }

    public DealView update(long id, DealRequests.Update request, Long ifMatch) {
        Deal deal = writable(id);
        Versions.check(deal, ifMatch != null ? ifMatch : request.version());
        deal.requireOpen("edit");
        deal.setName(request.name().trim());
        deal.setContact(contactOf(deal.getAccount(), request.contactId()));
        if (request.currency() != null) {
            deal.setCurrency(currency(request.currency()));
        }
        deal.setExpectedCloseDate(request.expectedCloseDate());
        deal.setEstimatedAmount(request.estimatedAmount());
        if (request.lines() != null) {
            deal.replaceLines(price(request.lines()));
        }
        if (request.owner() != null && !request.owner().equals(deal.getOwner())) {
            ownership.assign(deal, request.owner());
        }
        return DealView.of(deals.saveAndFlush(deal), clock.instant());
    }

    public DealView moveToStage(long id, long stageId, Long expectedVersion) {
        Deal deal = writable(id);
        Versions.check(deal, expectedVersion);
        deal.requireOpen("change the stage of");
        Instant now = clock.instant();
        StageChange change = deal.moveTo(stage(stageId), now);
        deals.saveAndFlush(deal);
        if (change != null) {
            outbox.publish(stageChanged(deal, change, now));
        }
        return DealView.of(deal, now);
    }

    public DealView win(long id, Long expectedVersion) {
        Deal deal = writable(id);
        Versions.check(deal, expectedVersion);
        Instant now = clock.instant();
        StageChange change = deal.win(now);
        deals.saveAndFlush(deal);
        outbox.publish(stageChanged(deal, change, now));
        outbox.publish(won(deal));
        return DealView.of(deal, now);
    }

    public DealView lose(long id, String reason, Long expectedVersion) {
        Deal deal = writable(id);
        Versions.check(deal, expectedVersion);
        Instant now = clock.instant();
        StageChange change = deal.lose(reason, now);
        deals.saveAndFlush(deal);
        outbox.publish(stageChanged(deal, change, now));
        outbox.publish(new DealLost(deal.getId(), deal.getLostReason(), deal.getAccount().getId(), deal.getOwner(),
                deal.getLostAt()));
        return DealView.of(deal, now);
    }

    private Deal writable(long id) {
        return dataScope.writable(deals.findById(id).orElse(null), "deal", id);
    }

    /** An account the caller cannot see is reported exactly like one that does not exist. */
    private Account visibleAccount(long accountId) {
        return accounts.findById(accountId).filter(dataScope::canRead)
                .orElseThrow(() -> new InvalidFieldException("accountId", "unknown account"));
    }

    private Contact contactOf(Account account, Long contactId) {
        if (contactId == null) {
            return null;
        }
        return contacts.findById(contactId)
                .filter(c -> Objects.equals(c.getAccount().getId(), account.getId()))
                .orElseThrow(() -> new InvalidFieldException("contactId",
                        "contact " + contactId + " is not a contact of the deal's account"));
    }

    private Pipeline defaultPipeline() {
        return pipelines.findFirstByDefaultPipelineTrueOrderByIdAsc()
                .orElseThrow(() -> new IllegalStateException("no default pipeline is configured"));
    }

    private static Stage firstStage(Pipeline pipeline) {
        return pipeline.firstOpenStage()
                .orElseThrow(() -> new IllegalStateException("pipeline " + pipeline.getId() + " has no open stage"));
    }

    private Stage stage(long stageId) {
        return stages.findById(stageId).orElseThrow(() -> new InvalidFieldException("stageId", "unknown stage"));
    }

    private static String currency(String code) {
        if (code == null) {
            return DEFAULT_CURRENCY;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("currency", "unknown ISO 4217 currency '" + code + "'");
        }
    }

    private List<DealLine> price(List<DealRequests.LineDraft> drafts) {
        List<String> skus = drafts.stream().map(DealRequests.LineDraft::sku).filter(Objects::nonNull)
                .map(String::trim).distinct().toList();
        Map<String, Product> bySku = products.findBySkuIn(skus).stream()
                .collect(Collectors.toMap(Product::getSku, Function.identity()));
        return DealLinePricer.price(drafts, bySku);
    }

    private static DealStageChanged stageChanged(Deal deal, StageChange change, Instant now) {
        return new DealStageChanged(deal.getId(), deal.getPipeline().getId(), change.from().getId(),
                change.from().getName(), change.to().getId(), change.to().getName(), deal.getStatus(), now);
    }

    private static DealWon won(Deal deal) {
        Account a = deal.getAccount();
        Contact c = deal.getContact();
        List<DealWon.Line> lines = deal.getLines().stream()
                .map(l -> new DealWon.Line(l.lineNo(), l.sku(), l.productName(), l.quantity(), l.unitPrice(),
                        l.taxRate(), l.amount()))
                .toList();
        return new DealWon(deal.getId(), deal.getName(), a.getId(), a.getName(), a.getCreditCode(),
                List.copyOf(a.getExternalRefs()), c == null ? null : c.getId(), c == null ? null : c.getName(),
                c == null ? null : c.getEmail(), c == null ? null : c.getMobile(), deal.getOwner(), deal.getTeam(),
                deal.getCurrency(), deal.getAmount(), deal.getWonAt(), lines);
    }
}
