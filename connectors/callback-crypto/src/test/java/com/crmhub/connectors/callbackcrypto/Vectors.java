package com.crmhub.connectors.callbackcrypto;

/**
 * The official sample vectors from ../shared/contracts/messaging/wecom.md and dingtalk.md, copied here because the
 * contracts directory is not part of the repository.
 */
final class Vectors {

    private Vectors() {
    }

    static final String WECOM_TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    static final String WECOM_AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    static final String WECOM_CORP_ID = "ww1436e0e65a779aee";

    /** One signed, encrypted sample and what it decrypts to. */
    record Sample(String signature, String timestamp, String nonce, String encrypted, String plaintext) {
    }

    /** A1: URL verification (the encrypted text is the echostr). Its random prefix is the ASCII of 8908d0ff052afda0. */
    static final Sample A1 = new Sample("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683",
            "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==",
            "1288432023552776189");

    /** A2: a text message callback. */
    static final Sample A2 = new Sample("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914",
            "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew"
                    + "+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24"
                    + "YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJ"
                    + "Opcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+",
            "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>"
                    + "<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
                    + "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>");

    /**
     * A3: decrypt and signature only. The contract gives no plaintext; this is what the sample decrypts to (with
     * openssl as well), a JSON-looking text that is not valid JSON.
     */
    static final Sample A3 = new Sample("e3647471e395139e2308c1fa963f2d648a00b90e", "1409659813", "1372623149",
            "cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frB"
                    + "oUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoIL"
                    + "dqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=",
            "{ \"ToUserName\": \"wx5823bf96d3bd56c7\", \"FromUserName\": :mycreate\", \"CreateTime\": 1409659813, "
                    + "\"MsgType\": \"text\", \"Content\": \"hello\", \"MsgId\": 4561255354251345929, \"AgentID\": 218}");

    static final String DINGTALK_TOKEN = "mryue";
    static final String DINGTALK_AES_KEY = "Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7";
    static final String DINGTALK_OWNER_KEY = "ding6ccabc44d2c8d38b";

    /** DingTalk's check_url event. */
    static final Sample DINGTALK_CHECK_URL = new Sample("03044561471240d4a14bb09372dfcfd4fd0e40cb", "1608001896814",
            "WL4PK6yA",
            "0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFc"
                    + "hzNukR+t8SB/qk4ROMu3",
            "{\"EventType\":\"check_url\"}");
}
