package com.crmhub.connectors.messaging.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Errcodes injected for the next calls of each API, answered in the order injected (so that a test can script
 * "40014 once, then 45009 twice"). A call answered with an injected errcode does nothing else.
 */
final class ErrcodePlan {

    private final Map<SimulatedApi, Deque<Integer>> planned = new EnumMap<>(SimulatedApi.class);

    synchronized void inject(SimulatedApi api, int errcode, int calls) {
        if (calls < 0 || calls > 10_000) {
            throw new IllegalArgumentException("calls must be between 0 and 10000");
        }
        if (errcode == 0) {
            throw new IllegalArgumentException("errcode 0 is no error");
        }
        Deque<Integer> queue = planned.computeIfAbsent(api, key -> new ArrayDeque<>());
        for (int i = 0; i < calls; i++) {
            queue.addLast(errcode);
        }
    }

    /** The errcode this call of the API answers, if one is injected; taken from the queue. */
    synchronized OptionalInt next(SimulatedApi api) {
        Deque<Integer> queue = planned.get(api);
        return queue == null || queue.isEmpty() ? OptionalInt.empty() : OptionalInt.of(queue.pollFirst());
    }

    synchronized int pending(SimulatedApi api) {
        Deque<Integer> queue = planned.get(api);
        return queue == null ? 0 : queue.size();
    }

    synchronized void clear() {
        planned.clear();
    }

    /** The errmsg the real platforms send with an errcode, as far as the protocol notes name them. */
    static String errmsg(int errcode) {
        return switch (errcode) {
            case -1 -> "system busy";
            case 40001 -> "invalid credential";
            case 40013 -> "invalid corpid";
            case 40014 -> "invalid access_token";
            case 41001 -> "access_token missing";
            case 42001 -> "access_token expired";
            case 45009 -> "api freq out of limit";
            case 45033 -> "api concurrent out of limit";
            case 48002 -> "api forbidden";
            case 60020 -> "not allow to access from your ip";
            case 81013 -> "user & party & tag all invalid";
            case 130101 -> "send too fast, exceed 20 times per minute";
            case 300001 -> "token is not exist";
            case 310000 -> "sign not match";
            default -> "simulated error " + errcode;
        };
    }
}
