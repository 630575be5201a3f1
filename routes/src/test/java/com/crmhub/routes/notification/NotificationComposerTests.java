package com.crmhub.routes.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.dingtalk.DingtalkProperties;
import com.crmhub.connectors.wecom.WecomProperties;
import com.crmhub.crm.account.ExternalRef;
import com.crmhub.crm.outboundemail.MailTemplates;
import com.crmhub.crm.outboundemail.RenderedMail;
import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.invoice.InvoiceIssued;
import com.crmhub.crm.lead.LeadAction;
import com.crmhub.crm.lead.LeadAssigned;
import com.crmhub.crm.order.OrderBackordered;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotificationComposerTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String EVENT_ID = "5f0c7a4e-0000-4000-8000-000000000001";
    private static final NotificationComposer.Owner ALICE =
            new NotificationComposer.Owner("alice", "ZhangSan", "13800138001");

    private final CrmEventNotificationMapper mapper = new CrmEventNotificationMapper(SHANGHAI);

    private static DealWon dealWon(String owner) {
        return new DealWon(42, "阀门采购", 7, "杭州示例泵业有限公司", "91350100M000100Y43", List.<ExternalRef>of(), 9L,
                "王芳", "wang.fang@example.com", "+8613800138000", owner, "east", "CNY", new BigDecimal("1000.0"),
                Instant.parse("2026-03-01T02:30:00Z"), List.of());
    }

    private static NotificationRule rule(NotifiedEvent event, String template, String ownerApp, String ownerRobot,
                                         List<NotificationProperties.WecomTeam> teams, List<String> robots) {
        return new NotificationRule(event, template == null ? event.defaultTemplate() : template, ownerApp, ownerRobot,
                teams, robots);
    }

    @Nested
    class Mapping {

        @Test
        void aWonDealShowsItsNameCustomerAmountInCentsAndTheTimeInTheConfiguredZone() {
            NotificationSubject subject = mapper.subject(EVENT_ID, "deal:42", dealWon("alice"));

            assertThat(subject.event()).isEqualTo(NotifiedEvent.DEAL_WON);
            assertThat(subject.owner()).isEqualTo("alice");
            assertThat(subject.fields()).containsEntry("dealName", "阀门采购").containsEntry("amount", "1000.00")
                    .containsEntry("accountName", "杭州示例泵业有限公司").containsEntry("wonAt", "2026-03-01 10:30");
        }

        @Test
        void aClaimAndAnAssignmentReadDifferently() {
            Instant at = Instant.parse("2026-03-01T00:00:00Z");
            assertThat(mapper.subject(EVENT_ID, "lead:1",
                    new LeadAssigned(1, "alice", LeadAction.CLAIM, "张伟", null, at)).fields())
                    .containsEntry("action", "认领").containsEntry("companyName", "");
            assertThat(mapper.subject(EVENT_ID, "lead:1",
                    new LeadAssigned(1, "alice", LeadAction.ASSIGN, "张伟", "宁波", at)).fields())
                    .containsEntry("action", "分配");
        }

        @Test
        void aBackorderListsOnlyWhatCouldNotBeReserved() {
            OrderBackordered backordered = new OrderBackordered("A-1", 42, 7, "alice", "SO-9", List.of(
                    new OrderBackordered.Line(1, "VALVE-50", "Valve", new BigDecimal("4.000"), BigDecimal.ZERO),
                    new OrderBackordered.Line(2, "PIPE-2M", "Pipe", new BigDecimal("2"), new BigDecimal("2")),
                    new OrderBackordered.Line(3, "PUMP-1", "Pump", new BigDecimal("3"), new BigDecimal("1.0"))));

            assertThat(mapper.subject(EVENT_ID, "order:A-1", backordered).fields().get("missing"))
                    .isEqualTo("VALVE-50 × 4（已预留 0）、PUMP-1 × 3（已预留 1）");
        }

        @Test
        void anIssuedInvoiceNamesNoOwnerButTheDealToFindOneBy() {
            NotificationSubject subject = mapper.subject(EVENT_ID, "order:A-1", new InvoiceIssued("A-1", 42, 7, "A-1",
                    "FIN-1", "INV-0001", "CNY", new BigDecimal("500.00"), new BigDecimal("65.00"),
                    new BigDecimal("565.00")));

            assertThat(subject.owner()).isNull();
            assertThat(subject.dealId()).isEqualTo(42L);
            assertThat(subject.fields()).containsEntry("grossAmount", "565.00").containsEntry("invoiceNumber", "INV-0001");
        }
    }

    @Nested
    class Composing {

        private final NotificationSubject won = mapper.subject(EVENT_ID, "deal:42", dealWon("alice"));

        @Test
        void theOwnerGetsAWecomMessageAndIsMentionedInTheRobotsChat() {
            var composition = NotificationComposer.compose(won, rule(NotifiedEvent.DEAL_WON, null, "crm", "sales",
                    List.of(), List.of()), ALICE);

            String text = "【赢单】阀门采购（杭州示例泵业有限公司）1000.00 CNY，负责人：alice";
            assertThat(composition.wecom()).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo(EVENT_ID + "/wecom/crm/ZhangSan");
                assertThat(m.users()).containsExactly("ZhangSan");
                assertThat(m.text()).isEqualTo(text);
                assertThat(m.businessKey()).isEqualTo("deal:42");
            });
            assertThat(composition.dingtalk()).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo(EVENT_ID + "/dingtalk/sales");
                assertThat(m.text()).isEqualTo(text + " @13800138001");
                assertThat(m.atMobiles()).containsExactly("13800138001");
            });
            assertThat(composition.skipped()).isEmpty();
        }

        @Test
        void anOwnerWithoutWecomUseridOrMobileIsSkippedWithTheReasonAndTeamsStillHearOfIt() {
            var composition = NotificationComposer.compose(won, rule(NotifiedEvent.DEAL_WON, null, "crm", "sales",
                    List.of(new NotificationProperties.WecomTeam("crm", List.of("Boss"))), List.of("managers")),
                    new NotificationComposer.Owner("bob", null, " "));

            assertThat(composition.skipped()).extracting(NotificationComposer.Skipped::reason)
                    .containsExactly("bob has no wecom-user-id", "bob has no dingtalk-mobile");
            assertThat(composition.wecom()).singleElement().satisfies(m -> assertThat(m.users()).containsExactly("Boss"));
            assertThat(composition.dingtalk()).singleElement().satisfies(m -> {
                assertThat(m.robot()).isEqualTo("managers");
                assertThat(m.atMobiles()).isEmpty();
            });
        }

        @Test
        void aRecordWithoutOwnerSkipsTheOwnersChannelsAndLeavesTheNameEmpty() {
            var composition = NotificationComposer.compose(won, rule(NotifiedEvent.DEAL_WON, "won ${dealName} by ${owner}.",
                    "crm", null, List.of(), List.of("sales")), NotificationComposer.Owner.NONE);

            assertThat(composition.skipped()).extracting(NotificationComposer.Skipped::reason)
                    .containsExactly("the record has no owner");
            assertThat(composition.dingtalk()).singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo("won 阀门采购 by ."));
        }

        @Test
        void theOwnerIsToldOncePerAppAndRobotEvenWhenAlsoOnTheTeamList() {
            var composition = NotificationComposer.compose(won, rule(NotifiedEvent.DEAL_WON, null, "crm", "sales",
                    List.of(new NotificationProperties.WecomTeam("crm", List.of("zhangsan", "Boss", "Boss"))),
                    List.of("sales")), ALICE);

            assertThat(composition.wecom()).extracting(WecomNotification::users)
                    .containsExactly(List.of("ZhangSan"), List.of("Boss"));
            assertThat(composition.dingtalk()).singleElement()
                    .satisfies(m -> assertThat(m.atMobiles()).containsExactly("13800138001"));
        }

        @Test
        void idsAreTheSameForTheSameEventAndDifferForAnother() {
            NotificationRule rule = rule(NotifiedEvent.DEAL_WON, null, "crm", null,
                    List.of(new NotificationProperties.WecomTeam("crm", List.of("b", "a"))), List.of());
            var first = NotificationComposer.compose(won, rule, ALICE);
            var again = NotificationComposer.compose(won, rule, ALICE);
            var other = NotificationComposer.compose(mapper.subject("another-event", "deal:42", dealWon("alice")),
                    rule, ALICE);

            assertThat(again.wecom()).extracting(WecomNotification::id)
                    .containsExactlyElementsOf(first.wecom().stream().map(WecomNotification::id).toList());
            assertThat(other.wecom()).extracting(WecomNotification::id)
                    .doesNotContainAnyElementsOf(first.wecom().stream().map(WecomNotification::id).toList());
        }
    }

    @Nested
    class Email {

        private final NotificationSubject won = mapper.subject(EVENT_ID, "deal:42", dealWon("alice"));
        private final RenderedMail mail = new RenderedMail("【赢单】阀门采购", "text", "<p>html</p>");

        private NotificationRule mailing(boolean owner, List<String> addresses) {
            return new NotificationRule(NotifiedEvent.DEAL_WON, NotifiedEvent.DEAL_WON.defaultTemplate(), null, null,
                    List.of(), List.of(), owner, addresses, "notification/deal-won");
        }

        @Test
        void theOwnerAndEachFixedAddressGetAMailOfTheirOwnWithAStableId() {
            var composition = NotificationComposer.compose(won, mailing(true, List.of("sales@hub.example")),
                    new NotificationComposer.Owner("alice", null, null, " Alice@Hub.Example "), mail);

            assertThat(composition.email()).extracting(EmailNotification::to)
                    .containsExactly("alice@hub.example", "sales@hub.example");
            assertThat(composition.email()).extracting(EmailNotification::id)
                    .containsExactly(EVENT_ID + "/email/alice@hub.example", EVENT_ID + "/email/sales@hub.example");
            assertThat(composition.email()).allSatisfy(m -> {
                assertThat(m.subject()).isEqualTo("【赢单】阀门采购");
                assertThat(m.html()).isEqualTo("<p>html</p>");
                assertThat(m.businessKey()).isEqualTo("deal:42");
            });
            assertThat(composition.wecom()).isEmpty();
        }

        @Test
        void anOwnerAlsoListedGetsOneMailAndAnOwnerWithoutAnAddressIsSkipped() {
            var once = NotificationComposer.compose(won, mailing(true, List.of("alice@hub.example")),
                    new NotificationComposer.Owner("alice", null, null, "alice@hub.example"), mail);
            assertThat(once.email()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("alice@hub.example"));

            var skipped = NotificationComposer.compose(won, mailing(true, List.of()), ALICE, mail);
            assertThat(skipped.email()).isEmpty();
            assertThat(skipped.skipped()).extracting(NotificationComposer.Skipped::reason)
                    .containsExactly("alice has no email");
        }
    }

    @Nested
    class Templates {

        @Test
        void placeholdersAreReplacedAndUnknownValuesLeftEmpty() {
            assertThat(NotificationTemplate.render("${a} and ${b}, not $a or ${", Map.of("a", "x$1\\")))
                    .isEqualTo("x$1\\ and , not $a or ${");
        }
    }

    @Nested
    class Rules {

        private final WecomProperties wecom = WecomProperties.of("http://127.0.0.1:1", Map.of("crm",
                new WecomProperties.App("corp", 1L, "token", "a".repeat(43), "secret")));
        private final DingtalkProperties dingtalk = DingtalkProperties.of(Map.of("sales",
                new DingtalkProperties.CustomRobot(null, "token", "SECsecret")));

        private NotificationProperties properties(Map<String, NotificationProperties.Rule> events) {
            return new NotificationProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(60), SHANGHAI, 1, events);
        }

        @Test
        void appsAndRobotsThatAreNotConfiguredAreLeftOutWithoutStoppingTheHub() {
            NotificationRules rules = new NotificationRules(properties(Map.of(
                    "deal-won", new NotificationProperties.Rule(null,
                            new NotificationProperties.Owner("crm", "elsewhere"), null, List.of("sales", "nowhere")),
                    "lead-assigned", new NotificationProperties.Rule(null,
                            new NotificationProperties.Owner("unknown-app", null), null, null))),
                    wecom, dingtalk);

            NotificationRule won = rules.forEvent(NotifiedEvent.DEAL_WON).orElseThrow();
            assertThat(won.ownerWecomApp()).isEqualTo("crm");
            assertThat(won.ownerDingtalkRobot()).isNull();
            assertThat(won.dingtalkRobots()).containsExactly("sales");
            assertThat(won.template()).isEqualTo(NotifiedEvent.DEAL_WON.defaultTemplate());
            assertThat(rules.forEvent(NotifiedEvent.LEAD_ASSIGNED)).as("nothing left to send").isEmpty();
        }

        @Test
        void aHubWithoutWecomOrDingtalkHasNoRules() {
            NotificationRules rules = new NotificationRules(properties(Map.of("deal-won",
                    new NotificationProperties.Rule(null, new NotificationProperties.Owner("crm", "sales"), null, null))),
                    WecomProperties.of("http://127.0.0.1:1", Map.of()), DingtalkProperties.of(Map.of()));

            assertThat(rules.forEvent(NotifiedEvent.DEAL_WON)).isEmpty();
        }

        @Test
        void eMailIsLeftOutWithoutAMailServerAndAMissingMailTemplateStopsTheHub() {
            NotificationProperties mailing = properties(Map.of("deal-won", new NotificationProperties.Rule(null,
                    new NotificationProperties.Owner(null, null, true), null, null, List.of("a@hub.example"), null)));
            assertThat(new NotificationRules(mailing, wecom, dingtalk).forEvent(NotifiedEvent.DEAL_WON)).isEmpty();

            NotificationRule rule = new NotificationRules(mailing, wecom, dingtalk, true, new MailTemplates())
                    .forEvent(NotifiedEvent.DEAL_WON).orElseThrow();
            assertThat(rule.ownerEmail()).isTrue();
            assertThat(rule.emails()).containsExactly("a@hub.example");
            assertThat(rule.emailTemplate()).isEqualTo("notification/deal-won");

            assertThatThrownBy(() -> new NotificationRules(properties(Map.of("deal-won",
                    new NotificationProperties.Rule(null, new NotificationProperties.Owner(null, null, true), null,
                            null, null, "no-such-mail"))), wecom, dingtalk, true, new MailTemplates()))
                    .hasMessageContaining("notification/no-such-mail");
        }

        @Test
        void everyEventsMailTemplateRendersItsValuesAndEscapesThemInHtml() {
            MailTemplates templates = new MailTemplates();
            for (NotifiedEvent event : NotifiedEvent.values()) {
                Map<String, String> values = new java.util.HashMap<>();
                values.put(NotifiedEvent.OWNER, "alice");
                values.put("dealName", "<b>阀门</b>");
                values.put("orderId", "<b>阀门</b>");
                values.put("leadName", "<b>阀门</b>");
                RenderedMail mail = templates.render("notification/" + event.key(), values, java.util.Locale.CHINA);
                assertThat(mail.subject()).as(event.key()).contains("<b>阀门</b>").doesNotContain("\n");
                assertThat(mail.text()).as(event.key()).startsWith("alice，您好：").contains("<b>阀门</b>");
                assertThat(mail.html()).as(event.key()).contains("&lt;b&gt;阀门&lt;/b&gt;").doesNotContain("<b>");
            }
        }

        @Test
        void anUnknownEventOrPlaceholderStopsTheHub() {
            assertThatThrownBy(() -> new NotificationRules(properties(Map.of("deal-lost",
                    new NotificationProperties.Rule(null, new NotificationProperties.Owner("crm", null), null, null))),
                    wecom, dingtalk)).hasMessageContaining("deal-lost").hasMessageContaining("deal-won");
            assertThatThrownBy(() -> new NotificationRules(properties(Map.of("invoice-issued",
                    new NotificationProperties.Rule("${dealName} invoiced", new NotificationProperties.Owner("crm", null),
                            null, null))), wecom, dingtalk)).hasMessageContaining("${dealName}");
        }
    }
}
