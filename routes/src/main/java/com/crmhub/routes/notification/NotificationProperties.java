package com.crmhub.routes.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Email;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who is told what when CRM events happen ({@code hub.notifications.*}): per event ({@code lead-assigned},
 * {@code deal-won}, {@code order-backordered}, {@code invoice-issued}, {@code invoice-rejected}) the record's owner
 * and/or fixed team channels, and the text. The apps and robots named here are those of {@code hub.wecom.apps} and
 * {@code hub.dingtalk.robots}; with none configured nothing is sent. E-mail goes through {@code hub.mail.outbound},
 * with the event's Thymeleaf template ({@code mail-templates/notification/<event>}).
 *
 * @param enabled        off: events are consumed and dropped, nothing is sent (default on)
 * @param wecomBackOff   how long a WeCom message waits after a frequency or concurrency limit (45009, 45033)
 * @param dingtalkBackOff how long a robot message waits after DingTalk's 130101 (the hub's own limit names its wait)
 * @param zone           the time zone times are written in (default Asia/Shanghai)
 * @param consumers      concurrent consumers per channel queue (default 1, which keeps a record's messages in order)
 * @param events         the rules by event
 */
@Validated
@ConfigurationProperties("hub.notifications")
public record NotificationProperties(@DefaultValue("true") boolean enabled,
                                     @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration wecomBackOff,
                                     @NotNull @DurationMin(millis = 1) @DefaultValue("60s") Duration dingtalkBackOff,
                                     @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
                                     @Min(1) @DefaultValue("1") int consumers,
                                     Map<String, @Valid Rule> events) {

    public NotificationProperties {
        events = events == null ? Map.of() : new TreeMap<>(events);
    }

    /**
     * @param template       the text, with {@code ${placeholder}}s of the event; none: a built-in text
     * @param owner          the record's owner, on which channels
     * @param wecom          fixed WeCom recipients: an app and members' userids
     * @param dingtalkRobots custom robots (team chats) that post the text
     * @param emails         fixed addresses that get the event's mail (a team mailbox, a finance lead)
     * @param emailTemplate  the mail's template under {@code mail-templates/notification/}; none: the event's key
     */
    public record Rule(String template,
                       @Valid @DefaultValue Owner owner,
                       List<@Valid WecomTeam> wecom,
                       List<@NotBlank String> dingtalkRobots,
                       List<@NotBlank @Email String> emails,
                       @Pattern(regexp = "[a-z0-9-]{1,60}", message = "letters, digits and '-'") String emailTemplate) {

        @ConstructorBinding
        public Rule {
            wecom = wecom == null ? List.of() : List.copyOf(wecom);
            dingtalkRobots = dingtalkRobots == null ? List.of() : List.copyOf(dingtalkRobots);
            emails = emails == null ? List.of() : List.copyOf(emails);
        }

        public Rule(String template, Owner owner, List<WecomTeam> wecom, List<String> dingtalkRobots) {
            this(template, owner, wecom, dingtalkRobots, null, null);
        }
    }

    /**
     * @param wecomApp      the app whose message goes to the owner's {@code wecom-user-id}
     * @param dingtalkRobot the robot whose chat gets the text with an @ of the owner's {@code dingtalk-mobile}
     * @param email         true: a mail to the owner's {@code email} (hub.security.users)
     */
    public record Owner(String wecomApp, String dingtalkRobot, Boolean email) {

        @ConstructorBinding
        public Owner {
            email = email != null && email;
        }

        public Owner(String wecomApp, String dingtalkRobot) {
            this(wecomApp, dingtalkRobot, false);
        }

        public boolean any() {
            return wecomApp != null || dingtalkRobot != null || email;
        }
    }

    /** Members of one WeCom app (its {@code users} are WeCom userids). */
    public record WecomTeam(@NotBlank String app, @NotEmpty List<@NotBlank String> users) {
    }
}
