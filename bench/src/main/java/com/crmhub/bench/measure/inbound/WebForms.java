package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.HubNeeds;
import com.crmhub.bench.measure.HubSampler;
import com.crmhub.bench.measure.LoadHub;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.measure.Stats;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToDoubleFunction;

/**
 * 6. Web-to-lead: JSON submissions to the sandbox's {@code contact-us} form by {@value #CLIENTS} concurrent clients,
 * each with a page token fetched beforehand (as a company site fetches the form) and older than the form's minimum
 * fill time, so nothing is quarantined; counted until every submission is a lead with an owner (matching, the lead,
 * its timeline and the assignment rules run inline). The hub's form protection is kept except its rate limits, which
 * the harness raises for the run: all clients post from 127.0.0.1, where the per-address limit (10 a minute) and the
 * form's own (60 a minute) would otherwise throttle the load to a trickle and measure the limiter.
 */
public final class WebForms implements Measurement, HubNeeds {

    static final String SECTION = "6";
    static final String FORM = "contact-us";
    static final int CLIENTS = 16;
    private static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    private static final long LEAD_TIMEOUT_NANOS = 300_000_000_000L;
    /** Provinces and industries that take each of the form's rules: alice, team west, bob, least loaded in east. */
    private static final String[][] PLACES = {{"上海", "贸易"}, {"四川", "零售"}, {"广东", "制造业"}, {"北京", "教育"}};

    private final int submissions = Integer.getInteger("bench.forms.submissions", 600);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final LoadHub hub;

    public WebForms(LoadHub hub) {
        this.hub = hub;
    }

    @Override
    public String name() {
        return "webforms";
    }

    /** The form protection's rate limits, lifted for the bench's one address; the rest stays as configured. */
    @Override
    public Map<String, String> hubOverrides() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hub.form-protection.per-address.submissions", "1000000");
        properties.put("hub.form-protection.per-address.period", "1s");
        properties.put("hub.forms." + FORM + ".max-per-minute", "10000000");
        return properties;
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        BenchRun.HubWithSimulators env = hub.started(run);
        long mobiles = 10_000_000L + ThreadLocalRandom.current().nextLong(800_000_000L);
        System.out.println("   warm-up: " + submissions + " submissions");
        System.out.println("   " + round(env, mobiles));
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < run.options().rounds(); r++) {
            Round round = round(env, mobiles + (r + 1L) * submissions);
            System.out.println("   round " + (r + 1) + ": " + round);
            rounds.add(round);
        }
        String how = String.format(Locale.ROOT, "%,d JSON posts a round to %s, %d clients, new people; ",
                submissions, FORM, CLIENTS);
        results.add(Figure.of(SECTION, "web-form submissions to assigned leads", median(rounds, Round::leadsPerSecond),
                "leads/s", how + spread(rounds, Round::leadsPerSecond)));
        double cpu = median(rounds, Round::cpuMillisPerLead);
        results.add(Figure.of(SECTION, "hub CPU per web-form lead", cpu, "ms", String.format(Locale.ROOT,
                "user + system, JIT compiler threads excluded; 2 idle cores would take %.0f/s; ", 2000 / cpu)
                + spread(rounds, Round::cpuMillisPerLead)));
        results.add(Figure.of(SECTION, "web-form answer time p50", median(rounds, Round::p50), "ms",
                spread(rounds, Round::p50)));
        results.add(Figure.of(SECTION, "web-form answer time p99", median(rounds, Round::p99), "ms",
                spread(rounds, Round::p99)));
        int unassigned = rounds.stream().mapToInt(Round::quarantinedOrFailed).sum();
        results.add(Figure.of(SECTION, "web-form submissions quarantined, refused or failed", unassigned,
                "submissions", "should be 0: the bench's posts are a person's (token, fill time, no links)"));
    }

    /** One round's readings. */
    record Round(int submissions, int quarantinedOrFailed, double leadsPerSecond, double p50, double p99,
                 double cpuMillisPerLead) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d submissions: %.0f assigned leads/s, p50 %.1f ms, p99 %.1f ms, "
                    + "%d quarantined/refused/failed, hub CPU %.2f ms a lead", submissions, leadsPerSecond, p50, p99,
                    quarantinedOrFailed, cpuMillisPerLead);
        }
    }

    private Round round(BenchRun.HubWithSimulators env, long firstMobile) throws Exception {
        String url = env.hub().baseUrl() + "/forms/" + FORM;
        // Pages first, as visitors open them; the posts come after the minimum fill time, as people's do.
        String[] tokens = new String[submissions];
        ConcurrentClients.run(CLIENTS, submissions, i -> {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            tokens[i] = json.readTree(page.body()).path("token").asText(null);
            return page.statusCode();
        });
        Thread.sleep(MIN_FILL_TIME.toMillis() + 200);
        try (Connection connection = env.database().connect()) {
            long before = scalar(connection, "select coalesce(max(id), 0) from lead");
            long quarantinedBefore = scalar(connection,
                    "select count(*) from form_submission where status <> 'PROCESSED'");
            long start = System.nanoTime();
            double cpuAtStart = HubSampler.cpuSeconds(env.hub());
            ConcurrentClients.Sent sent = ConcurrentClients.run(CLIENTS, submissions, i -> {
                String[] place = PLACES[i % PLACES.length];
                long mobile = firstMobile + i;
                Map<String, Object> post = new LinkedHashMap<>();
                post.put("name", "访客 " + mobile);
                post.put("company", "Bench Visitor Co " + mobile);
                post.put("email", "visitor" + mobile + "@bench.example.com");
                post.put("mobile", "13" + String.format(Locale.ROOT, "%09d", mobile));
                post.put("province", place[0]);
                post.put("industry", place[1]);
                post.put("message", "想了解一下 DN50 阀门的价格和交期");
                post.put("consent", true);
                post.put("token", tokens[i]);
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(post))).build(),
                        HttpResponse.BodyHandlers.discarding());
                return answer.statusCode();
            });
            // Capture is inline, so a quarantined submission is known once its POST is answered: no lead to wait for.
            long quarantined = scalar(connection, "select count(*) from form_submission where status <> 'PROCESSED'")
                    - quarantinedBefore;
            long expected = submissions - sent.failures() - quarantined;
            long assigned = 0;
            try (PreparedStatement leads = connection.prepareStatement(
                    "select count(*) from lead where id > ? and owner_name is not null")) {
                leads.setLong(1, before);
                while (System.nanoTime() - start < LEAD_TIMEOUT_NANOS) {
                    try (ResultSet rs = leads.executeQuery()) {
                        rs.next();
                        assigned = rs.getLong(1);
                    }
                    if (assigned >= expected) {
                        break;
                    }
                    Thread.sleep(50);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMillis = (HubSampler.cpuSeconds(env.hub()) - cpuAtStart) * 1000 / Math.max(1, assigned);
            return new Round(submissions, (int) (sent.failures() + quarantined), assigned / seconds, sent.p(50),
                    sent.p(99), cpuMillis);
        }
    }

    private static long scalar(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        return Stats.median(rounds.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    private static String spread(List<Round> rounds, ToDoubleFunction<Round> value) {
        return Stats.spread(rounds.stream().map(r -> value.applyAsDouble(r)).toList());
    }
}
