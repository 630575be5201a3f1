package com.crmhub.connectors.wecom;

import static com.crmhub.connectors.wecom.WecomVectors.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.connectors.callbackcrypto.CallbackCrypto.Sealed;
import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import com.crmhub.connectors.callbackcrypto.CallbackSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WecomCallbackCodecTests {

    private final WecomCallbackCodec codec =
            new WecomCallbackCodec(WecomVectors.TOKEN, WecomVectors.AES_KEY, WecomVectors.CORP_ID);

    /** Plays WeCom: encrypts and signs an inner message with the sample app's settings. */
    private final CallbackCrypto wecomServer =
            new CallbackCrypto(WecomVectors.TOKEN, WecomVectors.AES_KEY, WecomVectors.CORP_ID);

    private WecomMessage deliver(String innerXml) {
        Sealed sealed = wecomServer.seal(innerXml, "1700000000", "424242");
        return codec.openMessage(sealed.signature(), sealed.timestamp(), sealed.nonce(), envelope(sealed.encrypted()));
    }

    private static void assertRejected(ThrowingCallable call, CallbackRejection reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class UrlVerification {

        @Test
        void answersTheDecryptedEchostrOfSampleA1() {
            assertThat(codec.verifyUrl(WecomVectors.A1_SIGNATURE, WecomVectors.A1_TIMESTAMP, WecomVectors.A1_NONCE,
                    WecomVectors.A1_ECHOSTR)).isEqualTo(WecomVectors.A1_PLAINTEXT);
        }

        @Test
        void refusesAWrongSignature() {
            assertRejected(() -> codec.verifyUrl(WecomVectors.A2_SIGNATURE, WecomVectors.A1_TIMESTAMP,
                    WecomVectors.A1_NONCE, WecomVectors.A1_ECHOSTR), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesAnEchostrDecodedTwice() {
            // A second URL-decoding turns '+' into ' ': the signature no longer covers what arrived.
            String decodedTwice = WecomVectors.A1_ECHOSTR.replace('+', ' ');
            assertRejected(() -> codec.verifyUrl(WecomVectors.A1_SIGNATURE, WecomVectors.A1_TIMESTAMP,
                    WecomVectors.A1_NONCE, decodedTwice), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesAnotherCorpsApp() {
            WecomCallbackCodec otherCorp =
                    new WecomCallbackCodec(WecomVectors.TOKEN, WecomVectors.AES_KEY, "ww0000000000000000");
            assertRejected(() -> otherCorp.verifyUrl(WecomVectors.A1_SIGNATURE, WecomVectors.A1_TIMESTAMP,
                    WecomVectors.A1_NONCE, WecomVectors.A1_ECHOSTR), CallbackRejection.WRONG_RECEIVE_ID);
        }
    }

    @Nested
    class MessageCallbacks {

        @Test
        void decryptsSampleA2FromItsEnvelope() {
            assertThat(codec.decryptMessage(WecomVectors.A2_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                    WecomVectors.A2_NONCE, envelope(WecomVectors.A2_ENCRYPT))).isEqualTo(WecomVectors.A2_PLAINTEXT);
        }

        @Test
        void readsSampleA2AsAMembersTextMessage() {
            WecomMessage message = codec.openMessage(WecomVectors.A2_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                    WecomVectors.A2_NONCE, envelope(WecomVectors.A2_ENCRYPT));

            assertThat(message.msgType()).isEqualTo("text");
            assertThat(message.isEvent()).isFalse();
            assertThat(message.fromUserName()).isEqualTo("ChenJiaShun");
            assertThat(message.createTime()).isEqualTo(1476422779L);
            assertThat(message.createdAt()).isEqualTo(Instant.ofEpochSecond(1476422779L));
            assertThat(message.content()).isEqualTo("你好");
            assertThat(message.msgId()).isEqualTo("1456453720");
            assertThat(message.agentId()).isEqualTo("1000002");
            assertThat(message.event()).isNull();
            assertThat(message.dedupKey()).isEqualTo("msg:1456453720");
        }

        @Test
        void readsCallbacksArrivingOnManyThreadsAtOnceEachAsItsOwn() throws Exception {
            String text = "<xml><FromUserName>user%d</FromUserName><CreateTime>1700000000</CreateTime>"
                    + "<MsgType>text</MsgType><Content>消息 %d</Content><MsgId>%d</MsgId></xml>";
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var answers = new java.util.ArrayList<java.util.concurrent.Future<WecomMessage>>();
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> deliver(text.formatted(n, n, n))));
                }
                for (int i = 0; i < answers.size(); i++) {
                    WecomMessage message = answers.get(i).get();
                    assertThat(message.fromUserName()).isEqualTo("user" + i);
                    assertThat(message.content()).isEqualTo("消息 " + i);
                    assertThat(message.msgId()).isEqualTo(Integer.toString(i));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void decryptsSampleA3ButRefusesToReadItsNonXmlPlaintext() {
            String body = envelope(WecomVectors.A3_ENCRYPT);
            assertThat(codec.decryptMessage(WecomVectors.A3_SIGNATURE, WecomVectors.A3_TIMESTAMP,
                    WecomVectors.A3_NONCE, body)).isEqualTo(WecomVectors.A3_PLAINTEXT);
            assertRejected(() -> codec.openMessage(WecomVectors.A3_SIGNATURE, WecomVectors.A3_TIMESTAMP,
                    WecomVectors.A3_NONCE, body), CallbackRejection.MALFORMED_XML);
        }

        @Test
        void readsAnAddExternalContactEvent() {
            WecomMessage event = deliver("<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>"
                    + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime>"
                    + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
                    + "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>"
                    + "<ExternalUserID><![CDATA[wmABCDEF]]></ExternalUserID><State><![CDATA[expo-2025]]></State>"
                    + "<WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>");

            assertThat(event.isEvent()).isTrue();
            assertThat(event.event()).isEqualTo("change_external_contact");
            assertThat(event.changeType()).isEqualTo("add_external_contact");
            assertThat(event.userId()).isEqualTo("zhangsan");
            assertThat(event.externalUserId()).isEqualTo("wmABCDEF");
            assertThat(event.state()).isEqualTo("expo-2025");
            assertThat(event.welcomeCode()).isEqualTo("WELCOMECODE");
            assertThat(event.msgId()).isNull();
        }

        @Test
        void readsACustomerServiceEvent() {
            WecomMessage event = deliver("<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>"
                    + "<CreateTime>1700000001</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                    + "<Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>"
                    + "<OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId></xml>");

            assertThat(event.event()).isEqualTo("kf_msg_or_event");
            assertThat(event.token()).isEqualTo("ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR");
            assertThat(event.openKfId()).isEqualTo("wkxxxxxxx");
            assertThat(event.fromUserName()).isNull();
        }

        @Test
        void refusesABadSignatureOnAMessage() {
            assertRejected(() -> codec.openMessage(WecomVectors.A1_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                    WecomVectors.A2_NONCE, envelope(WecomVectors.A2_ENCRYPT)), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesAnEnvelopeWithoutEncrypt() {
            assertRejected(() -> codec.openMessage(WecomVectors.A2_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                    WecomVectors.A2_NONCE, "<xml><ToUserName>ww1436e0e65a779aee</ToUserName></xml>"),
                    CallbackRejection.MALFORMED_XML);
        }

        @Test
        void refusesMalformedOrForeignXml() {
            for (String body : new String[] {"", "<xml><Encrypt>abc</xml>", "{\"encrypt\":\"abc\"}",
                    "<root><Encrypt>" + WecomVectors.A2_ENCRYPT + "</Encrypt></root>"}) {
                assertRejected(() -> codec.openMessage(WecomVectors.A2_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                        WecomVectors.A2_NONCE, body), CallbackRejection.MALFORMED_XML);
            }
        }

        @Test
        void refusesADecryptedMessageWithoutMsgTypeOrCreateTime() {
            assertRejected(() -> deliver("<xml><CreateTime>1700000000</CreateTime></xml>"),
                    CallbackRejection.MALFORMED_XML);
            assertRejected(() -> deliver("<xml><MsgType>text</MsgType><CreateTime>soon</CreateTime></xml>"),
                    CallbackRejection.MALFORMED_XML);
        }

        @Test
        void keepsTheContentOutOfToString() {
            WecomMessage message = codec.parseMessage(WecomVectors.A2_PLAINTEXT);
            assertThat(message.toString()).contains("1456453720").doesNotContain("你好").doesNotContain("ChenJiaShun");
        }
    }

    @Nested
    class ExternalEntities {

        @TempDir
        Path dir;

        @Test
        void refusesAnEnvelopeThatDeclaresAnExternalEntity() throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-MARKER", StandardCharsets.UTF_8);
            String body = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<xml><ToUserName>&xxe;</ToUserName><Encrypt>" + WecomVectors.A2_ENCRYPT + "</Encrypt></xml>";

            assertThatThrownBy(() -> codec.decryptMessage(WecomVectors.A2_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                    WecomVectors.A2_NONCE, body))
                    .isInstanceOfSatisfying(CallbackRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(CallbackRejection.MALFORMED_XML))
                    .hasMessageNotContaining("TOP-SECRET-MARKER");
        }

        @Test
        void refusesAnExternalEntityInsideTheEncryptElement() throws Exception {
            Path secret = Files.writeString(dir.resolve("key.txt"), WecomVectors.A2_ENCRYPT, StandardCharsets.UTF_8);
            // Were the entity resolved, Encrypt would be the valid sample and the callback would open.
            String body = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><xml><Encrypt>&e;</Encrypt></xml>";
            assertRejected(() -> codec.decryptMessage(WecomVectors.A2_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                    WecomVectors.A2_NONCE, body), CallbackRejection.MALFORMED_XML);
        }

        @Test
        void refusesEntityExpansion() {
            String body = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                    + "<xml><Encrypt>&b;</Encrypt></xml>";
            assertRejected(() -> codec.decryptMessage(WecomVectors.A2_SIGNATURE, WecomVectors.A2_TIMESTAMP,
                    WecomVectors.A2_NONCE, body), CallbackRejection.MALFORMED_XML);
        }

        @Test
        void refusesADoctypeInTheDecryptedMessageToo() {
            assertRejected(() -> deliver("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                    + "<xml><MsgType>text</MsgType><CreateTime>1</CreateTime><Content>&x;</Content></xml>"),
                    CallbackRejection.MALFORMED_XML);
        }
    }

    @Nested
    class Deduplication {

        private static final String EVENT = "<xml><FromUserName>sys</FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType>event</MsgType><Event>change_external_contact</Event>"
                + "<ChangeType>add_external_contact</ChangeType><UserID>zhangsan</UserID>"
                + "<ExternalUserID>%s</ExternalUserID></xml>";

        @Test
        void aRetriedCallbackHasTheSameKey() {
            assertThat(deliver(WecomVectors.A2_PLAINTEXT).dedupKey())
                    .isEqualTo(codec.parseMessage(WecomVectors.A2_PLAINTEXT).dedupKey());
            String event = EVENT.formatted("wmAAA");
            assertThat(deliver(event).dedupKey()).isEqualTo(deliver(event).dedupKey());
        }

        @Test
        void twoEventsInTheSameSecondForDifferentCustomersHaveDifferentKeys() {
            assertThat(deliver(EVENT.formatted("wmAAA")).dedupKey())
                    .isNotEqualTo(deliver(EVENT.formatted("wmBBB")).dedupKey());
        }

        @Test
        void eventsDifferingOnlyInChangeTypeHaveDifferentKeys() {
            String added = EVENT.formatted("wmAAA");
            String deleted = added.replace("add_external_contact", "del_external_contact");
            assertThat(deliver(added).dedupKey()).isNotEqualTo(deliver(deleted).dedupKey());
        }

        @Test
        void twoCustomerServiceNoticesInTheSameSecondHaveDifferentKeys() {
            String notice = "<xml><CreateTime>1700000000</CreateTime><MsgType>event</MsgType>"
                    + "<Event>kf_msg_or_event</Event><Token>%s</Token><OpenKfId>%s</OpenKfId></xml>";
            assertThat(deliver(notice.formatted("ENC1", "wkA")).dedupKey())
                    .isNotEqualTo(deliver(notice.formatted("ENC2", "wkA")).dedupKey())
                    .isNotEqualTo(deliver(notice.formatted("ENC1", "wkB")).dedupKey());
            assertThat(deliver(notice.formatted("ENC1", "wkA")).dedupKey())
                    .isEqualTo(deliver(notice.formatted("ENC1", "wkA")).dedupKey());
        }

        @Test
        void messagesAreKeyedByMsgIdAlone() {
            WecomMessage message = codec.parseMessage(WecomVectors.A2_PLAINTEXT);
            WecomMessage sameIdLater = codec.parseMessage(
                    WecomVectors.A2_PLAINTEXT.replace("<CreateTime>1476422779", "<CreateTime>1476422790"));
            assertThat(sameIdLater.dedupKey()).isEqualTo(message.dedupKey()).isEqualTo("msg:1456453720");
        }
    }

    @Nested
    class PassiveReply {

        @Test
        void sealsAReplyThatWecomCanVerifyAndDecrypt() {
            String reply = "<xml><ToUserName>ChenJiaShun</ToUserName><MsgType>text</MsgType><Content>收到</Content></xml>";

            String xml = codec.sealReply(reply, "1476422779", "1597212914");

            Map<String, String> fields = WecomXml.parseFlat(xml);
            assertThat(fields).containsOnlyKeys("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
            assertThat(fields).containsEntry("TimeStamp", "1476422779").containsEntry("Nonce", "1597212914");
            assertThat(fields.get("MsgSignature")).isEqualTo(CallbackSignature.compute(WecomVectors.TOKEN,
                    "1476422779", "1597212914", fields.get("Encrypt")));
            assertThat(wecomServer.open(fields.get("MsgSignature"), "1476422779", "1597212914", fields.get("Encrypt")))
                    .isEqualTo(reply);
        }

        @Test
        void refusesATimestampOrNonceThatCouldBreakTheXml() {
            assertThatThrownBy(() -> codec.sealReply("<xml/>", "1476422779", "]]><x>"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> codec.sealReply("<xml/>", "", "1"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
