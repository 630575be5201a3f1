package com.crmhub.bench.crash;

import com.crmhub.bench.process.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded broker's queues and their message counts, read as an operator would: the Artemis queue MBeans through
 * the hub's Jolokia endpoint ({@code /actuator/jolokia}), as the operator user. An Artemis message count includes
 * messages being delivered and those scheduled for a later redelivery.
 */
final class BrokerQueues {

    private static final Pattern QUEUE = Pattern.compile("queue=\"?([^\",]+)\"?");

    private final HttpApi operator;

    BrokerQueues(HttpApi operator) {
        this.operator = operator;
    }

    /** Messages per queue, by queue name. */
    Map<String, Long> messageCounts() throws IOException, InterruptedException {
        JsonNode answer = operator.post("/actuator/jolokia", Map.of("type", "read",
                "mbean", "org.apache.activemq.artemis:component=addresses,subcomponent=queues,*",
                "attribute", "MessageCount"));
        if (answer.path("status").asInt() != 200) {
            throw new IOException("Jolokia answered " + answer.path("status").asInt() + ": "
                    + answer.path("error").asText());
        }
        Map<String, Long> counts = new TreeMap<>();
        for (Entry<String, JsonNode> bean : answer.path("value").properties()) {
            Matcher queue = QUEUE.matcher(bean.getKey());
            if (queue.find()) {
                counts.put(queue.group(1), bean.getValue().path("MessageCount").asLong());
            }
        }
        if (counts.isEmpty()) {
            throw new IOException("Jolokia listed no broker queues");
        }
        return counts;
    }

    static boolean isDeadLetterQueue(String queue) {
        return queue.startsWith("dlq.") || queue.equals("DLQ") || queue.equals("ExpiryQueue");
    }
}
