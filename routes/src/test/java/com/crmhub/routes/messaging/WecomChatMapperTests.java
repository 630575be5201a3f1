package com.crmhub.routes.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.canonical.chat.ChatParticipant;
import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.connectors.wecom.WecomCallbackCodec;
import com.crmhub.connectors.wecom.WecomKfMessage;
import com.crmhub.connectors.wecom.WecomMessage;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WecomChatMapperTests {

    // Only parseMessage is used: the crypto never runs here.
    private final WecomCallbackCodec codec = new WecomCallbackCodec("token",
            "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1436e0e65a779aee");
    private final WecomChatMapper mapper = new WecomChatMapper();

    private WecomMessage parse(String xml) {
        return codec.parseMessage(xml);
    }

    @Nested
    class MemberMessages {

        @Test
        void aTextFromAMemberIsAnInboundMessageOnTheMembersThreadWithTheApp() {
            ChatMessage message = mapper.memberMessage("crm", parse("<xml><ToUserName>ww1</ToUserName>"
                    + "<FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>"
                    + "<MsgType>text</MsgType><Content><![CDATA[你好]]></Content><MsgId>1456453720</MsgId>"
                    + "<AgentID>1000002</AgentID></xml>"));

            assertThat(message).isEqualTo(new ChatMessage("1456453720", ChatChannel.WECOM, ChatDirection.INBOUND,
                    "crm:ChenJiaShun", null, "crm", new ChatParticipant("ChenJiaShun", null,
                    ChatParticipant.Kind.MEMBER), Instant.ofEpochSecond(1476422779), "text", "你好"));
        }

        @Test
        void anImageIsArchivedWithItsTypeRatherThanDropped() {
            ChatMessage message = mapper.memberMessage("crm", parse("<xml><FromUserName>li</FromUserName>"
                    + "<CreateTime>1</CreateTime><MsgType>image</MsgType><MsgId>7</MsgId></xml>"));

            assertThat(message.msgType()).isEqualTo("image");
            assertThat(message.text()).isEqualTo("[image]");
        }

        @Test
        void aMessageWithoutMsgIdOrSenderNamesTheMissingField() {
            assertThatThrownBy(() -> mapper.memberMessage("crm", parse("<xml><FromUserName>li</FromUserName>"
                    + "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content></xml>")))
                    .isInstanceOfSatisfying(MalformedChatException.class, e -> assertThat(e.field()).isEqualTo("MsgId"));
            assertThatThrownBy(() -> mapper.memberMessage("crm", parse("<xml><CreateTime>1</CreateTime>"
                    + "<MsgType>text</MsgType><Content>x</Content><MsgId>7</MsgId></xml>")))
                    .isInstanceOfSatisfying(MalformedChatException.class,
                            e -> assertThat(e.field()).isEqualTo("FromUserName"));
        }
    }

    @Nested
    class ContactsAdded {

        private static final String ADDED = "<xml><FromUserName>sys</FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType>event</MsgType><Event>change_external_contact</Event>"
                + "<ChangeType>add_external_contact</ChangeType><UserID>zhangsan</UserID>"
                + "<ExternalUserID>wmEXT1</ExternalUserID><State>contact-42</State></xml>";

        @Test
        void carriesTheMemberTheCustomerTheStateAndTheEventsDedupKey() {
            WecomMessage event = parse(ADDED);

            assertThat(mapper.contactAdded(event)).isEqualTo(new ChannelContactAdded(event.dedupKey(),
                    IdentityChannel.WECOM, "wmEXT1", "zhangsan", "contact-42", Instant.ofEpochSecond(1700000000)));
        }

        @Test
        void anEventWithoutTheCustomerIsMalformed() {
            assertThatThrownBy(() -> mapper.contactAdded(parse(ADDED.replace("<ExternalUserID>wmEXT1</ExternalUserID>",
                    "")))).isInstanceOfSatisfying(MalformedChatException.class,
                    e -> assertThat(e.field()).isEqualTo("ExternalUserID"));
        }
    }

    @Nested
    class CustomerServiceMessages {

        private WecomKfMessage kf(int origin, String msgType, String servicer) {
            return new WecomKfMessage("kf-1", "wkACCOUNT", "wmCUSTOMER", servicer, Instant.ofEpochSecond(1615478585),
                    origin, msgType, "text".equals(msgType) ? "在吗" : null, "{}");
        }

        @Test
        void aCustomersMessageIsInboundFromTheCustomerOnTheAccountAndCustomerThread() {
            assertThat(mapper.kfMessage("crm", kf(3, "text", null))).contains(new ChatMessage("kf-1",
                    ChatChannel.WECOM_KF, ChatDirection.INBOUND, "wkACCOUNT:wmCUSTOMER", null, "crm",
                    new ChatParticipant("wmCUSTOMER", null, ChatParticipant.Kind.CUSTOMER),
                    Instant.ofEpochSecond(1615478585), "text", "在吗"));
        }

        @Test
        void aServicersAnswerIsOutboundFromTheMemberOnTheSameThread() {
            ChatMessage message = mapper.kfMessage("crm", kf(5, "text", "lisi")).orElseThrow();

            assertThat(message.direction()).isEqualTo(ChatDirection.OUTBOUND);
            assertThat(message.sender()).isEqualTo(new ChatParticipant("lisi", null, ChatParticipant.Kind.MEMBER));
            assertThat(message.conversationId()).isEqualTo("wkACCOUNT:wmCUSTOMER");
        }

        @Test
        void systemMessagesAndEventsAreNoChatText() {
            assertThat(mapper.kfMessage("crm", kf(4, "text", null))).isEmpty();
            assertThat(mapper.kfMessage("crm", kf(3, "event", null))).isEmpty();
        }

        @Test
        void aCustomerMessageWithoutTheCustomerIsMalformed() {
            WecomKfMessage anonymous = new WecomKfMessage("kf-1", "wkACCOUNT", null, null, Instant.ofEpochSecond(1), 3,
                    "text", "x", "{}");
            assertThatThrownBy(() -> mapper.kfMessage("crm", anonymous))
                    .isInstanceOfSatisfying(MalformedChatException.class,
                            e -> assertThat(e.field()).isEqualTo("external_userid"));
        }
    }
}
