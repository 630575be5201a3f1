package com.crmhub.bench.measure.orders;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's own process has no logging configuration, so logback logs everything at DEBUG: Artemis' audit log
 * alone writes three lines per message, which would be measured along with the broker. Measurements that run a
 * broker or a client in this process turn it down first.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    static void warnOnly() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
