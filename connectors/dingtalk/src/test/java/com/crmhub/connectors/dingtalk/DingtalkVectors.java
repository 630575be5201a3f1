package com.crmhub.connectors.dingtalk;

/**
 * DingTalk's official sample vectors from ../shared/contracts/messaging/dingtalk.md, copied here because the contracts
 * directory is not part of the repository.
 */
final class DingtalkVectors {

    private DingtalkVectors() {
    }

    static final String TOKEN = "mryue";
    static final String AES_KEY = "Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7";
    static final String OWNER_KEY = "ding6ccabc44d2c8d38b";

    static final String SIGNATURE = "03044561471240d4a14bb09372dfcfd4fd0e40cb";
    static final String TIMESTAMP = "1608001896814";
    static final String NONCE = "WL4PK6yA";
    static final String ENCRYPT = "0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDC"
            + "YxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3";
    static final String CHECK_URL_JSON = "{\"EventType\":\"check_url\"}";

    static final String BODY = "{\"encrypt\":\"" + ENCRYPT + "\"}";

    /** Custom robot: the contract's known answer for the HMAC → Base64 → URL-encode chain over the timestamp alone. */
    static final long ROBOT_TIMESTAMP = 1546084445901L;
    static final String ROBOT_SECRET = "testappSecret";
    static final String ROBOT_TIMESTAMP_ONLY_SIGN = "HCbG3xNE3vzhO%2Bu7qCUL1jS5hsu2n5r2cFhnTrtyDAE%3D";
}
