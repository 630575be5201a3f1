package com.crmhub.routes.messaging;

import com.crmhub.routes.shared.InvalidMessageException;
import java.util.List;

/**
 * A decrypted callback or pulled message that cannot become a canonical message: at an endpoint a 400 naming
 * {@link #field()}, in a flow a message parked at once (it is an {@link InvalidMessageException}).
 */
public class MalformedChatException extends InvalidMessageException {

    private final String field;

    public MalformedChatException(String field, String problem) {
        super("malformed chat message", List.of(field + ": " + problem));
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return errors().get(0);
    }
}
