package com.crmhub.connectors.wecom;

/**
 * WeCom's official sample vectors from ../shared/contracts/messaging/wecom.md, copied here because the contracts
 * directory is not part of the repository.
 */
final class WecomVectors {

    private WecomVectors() {
    }

    static final String TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    static final String AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    static final String CORP_ID = "ww1436e0e65a779aee";

    /** A1: URL verification. */
    static final String A1_SIGNATURE = "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb";
    static final String A1_TIMESTAMP = "1476416373";
    static final String A1_NONCE = "47744683";
    static final String A1_ECHOSTR =
            "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
    static final String A1_PLAINTEXT = "1288432023552776189";

    /** A2: a member's text message. */
    static final String A2_SIGNATURE = "0c3914025cb4b4d68103f6bfc8db550f79dcf48e";
    static final String A2_TIMESTAMP = "1476422779";
    static final String A2_NONCE = "1597212914";
    static final String A2_ENCRYPT =
            "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew"
                    + "+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24"
                    + "YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJ"
                    + "Opcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
    static final String A2_PLAINTEXT =
            "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>"
                    + "<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
                    + "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";

    /** A3: decrypt and signature only; its plaintext is not XML (nor valid JSON). */
    static final String A3_SIGNATURE = "e3647471e395139e2308c1fa963f2d648a00b90e";
    static final String A3_TIMESTAMP = "1409659813";
    static final String A3_NONCE = "1372623149";
    static final String A3_ENCRYPT =
            "cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frB"
                    + "oUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoIL"
                    + "dqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=";
    static final String A3_PLAINTEXT =
            "{ \"ToUserName\": \"wx5823bf96d3bd56c7\", \"FromUserName\": :mycreate\", \"CreateTime\": 1409659813, "
                    + "\"MsgType\": \"text\", \"Content\": \"hello\", \"MsgId\": 4561255354251345929, \"AgentID\": 218}";

    /** The outer callback body WeCom posts, around an Encrypt value. */
    static String envelope(String encrypt) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
    }
}
