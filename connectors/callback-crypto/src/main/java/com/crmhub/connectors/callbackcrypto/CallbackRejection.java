package com.crmhub.connectors.callbackcrypto;

/**
 * Why a callback from WeCom or DingTalk was refused. One vocabulary for both connectors so that the hub counts
 * rejections under one metric with the reason as its tag; a rejected callback has no other effect.
 */
public enum CallbackRejection {

    /** A required query parameter, header or field is absent, empty or not in its expected form. */
    BAD_PARAMETER,
    /** The signature does not match (wrong token or secret, or a tampered message). */
    BAD_SIGNATURE,
    /** The timestamp is too far from now to be a fresh request. */
    STALE_TIMESTAMP,
    /** The encrypted text is not Base64. */
    BAD_BASE64,
    /**
     * The decrypted block does not end in valid PKCS#7 padding to 32 bytes, or the ciphertext is not a whole number of
     * 32-byte blocks.
     */
    BAD_PADDING,
    /** The plaintext is too short for its header or declares a message longer than what it holds. */
    LENGTH_BEYOND_BUFFER,
    /** The message was encrypted for another receiver (corp id, app key or suite key). */
    WRONG_RECEIVE_ID,
    /** The XML body (outer envelope or decrypted message) is malformed or carries a DOCTYPE. */
    MALFORMED_XML,
    /** The JSON body (outer envelope or decrypted event) is malformed. */
    MALFORMED_JSON
}
