package com.crmhub.canonical.email;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a mail. Its contents travel only up to the mailbox's attachment limit: a larger file keeps its
 * name, type and size, with {@code contentKept} false and no content.
 *
 * @param fileName    the name the sender gave it; null when it has none (an inline image)
 * @param contentType the MIME type without parameters ({@code application/pdf})
 * @param size        its decoded size in bytes
 * @param content     the decoded bytes when kept, else null
 * @param contentKept whether {@code content} holds the whole file
 */
public record EmailAttachment(String fileName, String contentType, long size, byte[] content, boolean contentKept) {

    public EmailAttachment {
        Objects.requireNonNull(contentType, "contentType");
        if (contentKept != (content != null)) {
            throw new IllegalArgumentException("content must be present exactly when it is kept");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAttachment other && size == other.size && contentKept == other.contentKept
                && Objects.equals(fileName, other.fileName) && contentType.equals(other.contentType)
                && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, size, contentKept, Arrays.hashCode(content));
    }

    /** Names, types and sizes only: the contents are the customer's. */
    @Override
    public String toString() {
        return "EmailAttachment[" + fileName + ", " + contentType + ", " + size + " bytes"
                + (contentKept ? "" : ", content not kept") + "]";
    }
}
