package com.crmhub.connectors.messaging.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulatedWecomTests {

    private static final MessagingSimulatorProperties.WecomApp APP = MessagingSimulatorProperties.WecomApp.DEMO;

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final ErrcodePlan errcodes = new ErrcodePlan();
    private final List<SentMessage> sent = new ArrayList<>();
    private final SimulatedWecom wecom = new SimulatedWecom(MessagingSimulatorProperties.defaults().wecom(),
            errcodes, clock, sent::add);

    private JsonNode body(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token() {
        Map<String, Object> answer = wecom.gettoken(APP.corpId(), APP.secret());
        assertThat(answer).containsEntry("errcode", 0);
        return (String) answer.get("access_token");
    }

    private Map<String, Object> sendText(String token, String touser) {
        return wecom.send(token, body("{\"touser\":\"" + touser + "\",\"msgtype\":\"text\",\"agentid\":"
                + APP.agentId() + ",\"text\":{\"content\":\"Deal won\"},\"safe\":0}"));
    }

    private Map<String, Object> sync(String token, String openKfId, String eventToken, String cursor) {
        return wecom.syncMsg(token, body("{\"cursor\":\"" + cursor + "\",\"token\":\"" + eventToken
                + "\",\"limit\":1000,\"open_kfid\":\"" + openKfId + "\"}"));
    }

    @Nested
    class Tokens {

        @Test
        void issuesTokensThatExpireAfterExpiresIn() {
            Map<String, Object> answer = wecom.gettoken(APP.corpId(), APP.secret());
            assertThat(answer).containsEntry("expires_in", 7200L);
            String token = (String) answer.get("access_token");

            clock.advance(Duration.ofSeconds(7199));
            assertThat(sendText(token, "u1")).containsEntry("errcode", 0);
            clock.advance(Duration.ofSeconds(1));
            assertThat(sendText(token, "u1")).containsEntry("errcode", 42001);
        }

        @Test
        void refusesAWrongSecretAnUnknownCorpAndUnknownOrMissingTokens() {
            assertThat(wecom.gettoken(APP.corpId(), "wrong")).containsEntry("errcode", 40001);
            assertThat(wecom.gettoken("ww-other", APP.secret())).containsEntry("errcode", 40013);
            assertThat(sendText("made-up", "u1")).containsEntry("errcode", 40014);
            assertThat(sendText(null, "u1")).containsEntry("errcode", 41001);
            assertThat(sent).isEmpty();
        }

        @Test
        void expiringTokensMakesTheNextCallAnswer42001AndANewTokenWorks() {
            String token = token();
            wecom.expireTokens();

            assertThat(sendText(token, "u1")).containsEntry("errcode", 42001);
            assertThat(sendText(token(), "u1")).containsEntry("errcode", 0);
        }
    }

    @Nested
    class MessageSend {

        @Test
        void recordsWhatReachedWhomAndNamesInvalidUsers() {
            wecom.markInvalidUser("gone");

            Map<String, Object> answer = sendText(token(), "u1|gone|u2");

            assertThat(answer).containsEntry("errcode", 0).containsEntry("invaliduser", "gone")
                    .containsKey("msgid");
            assertThat(sent).singleElement().satisfies(message -> {
                assertThat(message.channel()).isEqualTo(SentMessage.Channel.WECOM);
                assertThat(message.target()).isEqualTo("crm");
                assertThat(message.recipients()).containsExactly("u1", "u2");
                assertThat(message.content()).isEqualTo("Deal won");
                assertThat(message.msgId()).isEqualTo(answer.get("msgid"));
            });
        }

        @Test
        void allRecipientsInvalidIs81013() {
            wecom.markInvalidUser("gone");

            assertThat(sendText(token(), "gone")).containsEntry("errcode", 81013);
            assertThat(sent).isEmpty();
        }

        @Test
        void refusesAnotherAppsAgentIdAndBadBodies() {
            String token = token();
            assertThat(wecom.send(token, body("{\"touser\":\"u1\",\"msgtype\":\"text\",\"agentid\":1,"
                    + "\"text\":{\"content\":\"x\"}}"))).containsEntry("errcode", 40056);
            assertThat(wecom.send(token, body("{\"touser\":\"u1\",\"msgtype\":\"text\",\"agentid\":"
                    + APP.agentId() + "}"))).containsEntry("errcode", 40058);
            assertThat(wecom.send(token, null)).containsEntry("errcode", 47001);
            assertThat(sent).isEmpty();
        }
    }

    @Nested
    class Errcodes {

        @Test
        void injectedErrcodesAnswerTheNextCallsInOrderThenTheApiWorksAgain() {
            String token = token();
            errcodes.inject(SimulatedApi.WECOM_MESSAGE_SEND, 40014, 1);
            errcodes.inject(SimulatedApi.WECOM_MESSAGE_SEND, 45009, 2);

            assertThat(sendText(token, "u1")).containsEntry("errcode", 40014);
            assertThat(sendText(token, "u1")).containsEntry("errcode", 45009)
                    .containsEntry("errmsg", "api freq out of limit");
            assertThat(sendText(token, "u1")).containsEntry("errcode", 45009);
            assertThat(sendText(token, "u1")).containsEntry("errcode", 0);
            assertThat(sent).hasSize(1);
        }

        @Test
        void anInjectionConcernsOnlyItsApi() {
            errcodes.inject(SimulatedApi.WECOM_KF_SYNC_MSG, -1, 1);

            String token = token();
            assertThat(sendText(token, "u1")).containsEntry("errcode", 0);
            assertThat(sync(token, "wk-1", "", "")).containsEntry("errcode", -1);
            assertThat(sync(token, "wk-1", "", "")).containsEntry("errcode", 0);
        }

        @Test
        void gettokenCanBeMadeToFail() {
            errcodes.inject(SimulatedApi.WECOM_GETTOKEN, 60020, 1);

            assertThat(wecom.gettoken(APP.corpId(), APP.secret())).containsEntry("errcode", 60020);
            assertThat(wecom.gettoken(APP.corpId(), APP.secret())).containsEntry("errcode", 0);
        }
    }

    @Nested
    class CustomerService {

        @Test
        void pagesThroughTheLogWithTheCursorAndHasMore() {
            wecom.kfPageSize(2);
            String eventToken = wecom.queueKf("wk-1", "wm-cust", List.of("m1", "m2", "m3", "m4", "m5"));
            String token = token();

            List<String> contents = new ArrayList<>();
            List<Object> hasMore = new ArrayList<>();
            String cursor = "";
            for (int page = 0; page < 3; page++) {
                Map<String, Object> answer = sync(token, "wk-1", eventToken, cursor);
                assertThat(answer).containsEntry("errcode", 0);
                hasMore.add(answer.get("has_more"));
                for (Object message : (List<?>) answer.get("msg_list")) {
                    Map<?, ?> fields = (Map<?, ?>) message;
                    assertThat(fields.get("origin")).isEqualTo(3);
                    assertThat(fields.get("external_userid")).isEqualTo("wm-cust");
                    contents.add((String) ((Map<?, ?>) fields.get("text")).get("content"));
                }
                cursor = (String) answer.get("next_cursor");
            }

            assertThat(contents).containsExactly("m1", "m2", "m3", "m4", "m5");
            assertThat(hasMore).containsExactly(1, 1, 0);
        }

        @Test
        void theLastCursorGivesNothingTwiceAndPicksUpLaterMessages() {
            String token = token();
            wecom.queueKf("wk-1", "wm-cust", List.of("m1"));
            String cursor = (String) sync(token, "wk-1", "", "").get("next_cursor");

            assertThat((List<?>) sync(token, "wk-1", "", cursor).get("msg_list")).isEmpty();
            wecom.queueKf("wk-1", "wm-cust", List.of("m2"));
            Map<String, Object> later = sync(token, "wk-1", "", cursor);
            assertThat((List<?>) later.get("msg_list")).hasSize(1);
            assertThat(later.get("has_more")).isEqualTo(0);
        }

        @Test
        void keepsAccountsApart() {
            String token = token();
            wecom.queueKf("wk-1", "wm-a", List.of("for one"));
            wecom.queueKf("wk-2", "wm-b", List.of("for two"));
            String cursorOfOne = (String) sync(token, "wk-1", "", "").get("next_cursor");

            assertThat((List<?>) sync(token, "wk-2", "", "").get("msg_list")).hasSize(1);
            assertThat(sync(token, "wk-2", "", cursorOfOne)).containsEntry("errcode", 40058);
        }

        @Test
        void refusesAnEventTokenOfAnotherAccountOrPastTenMinutes() {
            String token = token();
            String eventToken = wecom.queueKf("wk-1", "wm-cust", List.of("m1"));

            assertThat(sync(token, "wk-2", eventToken, "")).containsEntry("errcode", 95007);
            assertThat(sync(token, "wk-1", "ENCmadeup", "")).containsEntry("errcode", 95007);
            clock.advance(Duration.ofMinutes(10));
            assertThat(sync(token, "wk-1", eventToken, "")).containsEntry("errcode", 95007);
            assertThat(sync(token, "wk-1", "", "")).as("without a token the pull still works")
                    .containsEntry("errcode", 0);
        }
    }
}
