package io.chanops.cli.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.chanops.ledger.files.OutputKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A listing written as JSON ({@link Renderer#json}): an array of objects keyed by the listing's columns. An existing
 * file is of this kind when it is such an array whose first object has these keys, in order ({@link
 * OutputKind#sameColumns}), or an empty array.
 */
record JsonRowsKind(List<String> columns) implements OutputKind {
    private static final JsonFactory JSON = new JsonFactory();

    JsonRowsKind {
        columns = List.copyOf(columns);
    }

    @Override
    public boolean matches(byte[] head, Path file) throws IOException {
        try (JsonParser p = JSON.createParser(head)) {
            return firstKeysAreColumns(p);
        } catch (JsonProcessingException e) {
            return false; // not JSON at all, or not within the bytes read
        }
    }

    private boolean firstKeysAreColumns(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return false;
        }
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            return false;
        }
        List<String> keys = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            keys.add(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
        return OutputKind.sameColumns(keys, columns);
    }

    @Override
    public String describe() {
        return "JSON rows of '" + String.join(",", columns) + "'";
    }
}
