package com.crmhub.routes.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.canonical.chat.ChatParticipant;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DingtalkRobotMessageMapperTests {

    private static final String CUSTOMER = """
            {"msgId":"msgA1","msgtype":"text","text":{"content":" 报价单收到了吗"},"createAt":1700000000123,
             "conversationType":"2","conversationId":"cidGROUP==","conversationTitle":"杭州示例泵业 服务群",
             "senderId":"$:LWCP_v1:$abc","senderNick":"王芳","chatbotUserId":"$:LWCP_v1:$bot",
             "sessionWebhook":"https://oapi.dingtalk.com/robot/sendBySession?session=x","sessionWebhookExpiredTime":1}
            """;

    private final DingtalkRobotMessageMapper mapper = new DingtalkRobotMessageMapper();

    @Test
    void aCustomersMessageInAGroupIsInboundOnTheChatWithItsTitle() {
        assertThat(mapper.toChatMessage(CUSTOMER)).isEqualTo(new ChatMessage("msgA1", ChatChannel.DINGTALK,
                ChatDirection.INBOUND, "cidGROUP==", "杭州示例泵业 服务群", null,
                new ChatParticipant("$:LWCP_v1:$abc", "王芳", ChatParticipant.Kind.CUSTOMER),
                Instant.ofEpochMilli(1700000000123L), "text", "报价单收到了吗"));
    }

    @Test
    void aSenderWithAStaffIdIsAMember() {
        ChatMessage message = mapper.toChatMessage(CUSTOMER.replace("\"senderNick\"",
                "\"senderStaffId\":\"manager4711\",\"senderNick\""));

        assertThat(message.sender().kind()).isEqualTo(ChatParticipant.Kind.MEMBER);
        assertThat(message.sender().id()).isEqualTo("$:LWCP_v1:$abc");
    }

    @ParameterizedTest
    @CsvSource({
            "'\"msgId\":\"msgA1\",', msgId",
            "'\"conversationId\":\"cidGROUP==\",', conversationId",
            "'\"senderId\":\"$:LWCP_v1:$abc\",', senderId",
            "'\"createAt\":1700000000123,', createAt",
            "'\"msgtype\":\"text\",', msgtype"})
    void aMessageWithoutARequiredFieldNamesIt(String removed, String field) {
        assertThatThrownBy(() -> mapper.toChatMessage(CUSTOMER.replace(removed, "")))
                .isInstanceOfSatisfying(MalformedChatException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void somethingThatIsNotAJsonObjectIsMalformedWithoutQuotingIt() {
        for (String body : new String[] {"", "[1]", "{\"msgId\": ", CUSTOMER + " trailing"}) {
            assertThatThrownBy(() -> mapper.toChatMessage(body))
                    .isInstanceOfSatisfying(MalformedChatException.class, e -> {
                        assertThat(e.field()).isEqualTo("body");
                        assertThat(e.getMessage()).doesNotContain("msgA1");
                    });
        }
    }
}
