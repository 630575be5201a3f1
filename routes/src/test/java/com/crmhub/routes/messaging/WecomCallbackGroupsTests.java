package com.crmhub.routes.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.connectors.wecom.WecomCallbackCodec;
import com.crmhub.connectors.wecom.WecomMessage;
import org.junit.jupiter.api.Test;

/** Which callbacks the wecom-inbound flow processes one at a time, in order (their JMSXGroupID). */
class WecomCallbackGroupsTests {

    private final WecomCallbackCodec codec = new WecomCallbackCodec("token",
            "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1436e0e65a779aee");

    private String groupOf(String innerXml) {
        WecomMessage message = codec.parseMessage(innerXml);
        return WecomCallbackController.group("crm", WecomCallbackType.of(message), message);
    }

    private static String text(String member, int msgId) {
        return "<xml><FromUserName>" + member + "</FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType>text</MsgType><Content>hi</Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private static String event(String event, String changeType) {
        return "<xml><FromUserName>sys</FromUserName><CreateTime>1700000000</CreateTime><MsgType>event</MsgType>"
                + "<Event>" + event + "</Event><ChangeType>" + changeType + "</ChangeType><UserID>zhangsan</UserID>"
                + "<ExternalUserID>wmA</ExternalUserID><OpenKfId>wkA</OpenKfId><Token>t</Token></xml>";
    }

    @Test
    void oneMembersMessagesStayInOrderWhileDifferentMembersAreArchivedSideBySide() {
        assertThat(groupOf(text("zhangsan", 1))).isEqualTo(groupOf(text("zhangsan", 2)));
        assertThat(groupOf(text("zhangsan", 1))).isNotEqualTo(groupOf(text("lisi", 3)));
    }

    @Test
    void contactsAddedAndCustomerServiceNoticesShareTheAppsOneGroup() {
        String added = groupOf(event("change_external_contact", "add_external_contact"));

        assertThat(added).isEqualTo("wecom:crm");
        assertThat(groupOf(event("kf_msg_or_event", ""))).isEqualTo(added);
        assertThat(groupOf(text("zhangsan", 1))).isNotEqualTo(added);
    }
}
