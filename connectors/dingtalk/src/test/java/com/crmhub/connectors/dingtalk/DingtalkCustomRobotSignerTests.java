package com.crmhub.connectors.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DingtalkCustomRobotSignerTests {

    private final DingtalkCustomRobotSigner signer = new DingtalkCustomRobotSigner(DingtalkVectors.ROBOT_SECRET);

    @Test
    void reproducesTheContractsKnownAnswerForTheTimestampOnlyData() {
        assertThat(DingtalkCustomRobotSigner.urlEncodedSignature(DingtalkVectors.ROBOT_SECRET,
                Long.toString(DingtalkVectors.ROBOT_TIMESTAMP))).isEqualTo(DingtalkVectors.ROBOT_TIMESTAMP_ONLY_SIGN);
    }

    @Test
    void signsTheTimestampNewlineSecretAsRobotSendExpects() {
        // printf '%s\n%s' 1546084445901 testappSecret | openssl dgst -sha256 -hmac testappSecret -binary | base64
        // → fYP0TV8RJULxGabs59wSO94FZbNekbH7ebQJu2oy+/0=, then URL-encoded
        assertThat(signer.sign(DingtalkVectors.ROBOT_TIMESTAMP))
                .isEqualTo("fYP0TV8RJULxGabs59wSO94FZbNekbH7ebQJu2oy%2B%2F0%3D");
    }

    @Test
    void buildsTheQueryToAppendToTheWebhook() {
        assertThat(signer.signedQuery(DingtalkVectors.ROBOT_TIMESTAMP))
                .isEqualTo("timestamp=1546084445901&sign=fYP0TV8RJULxGabs59wSO94FZbNekbH7ebQJu2oy%2B%2F0%3D");
    }

    @Test
    void producesWhatTheInboundRobotCheckAcceptsOnceUrlDecoded() {
        long now = 1_700_000_000_000L;
        String sign = URLDecoder.decode(signer.sign(now), StandardCharsets.UTF_8);
        DingtalkRobotSignVerifier verifier = new DingtalkRobotSignVerifier(DingtalkVectors.ROBOT_SECRET,
                Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC));
        assertThatCode(() -> verifier.verify(Long.toString(now), sign)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnEmptySecretAndNeverShowsIt() {
        assertThatThrownBy(() -> new DingtalkCustomRobotSigner("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(signer.toString()).doesNotContain(DingtalkVectors.ROBOT_SECRET);
    }
}
