package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JSON array of records into a UTF-8 CSV for DuckDB, one column per key (in the order keys first appear)
 * after the record's position in the array (1-based), which is its line number (unique even when the whole array is
 * on one line), and the line of the file where its object starts, which rejects keep beside it. Values keep their JSON
 * type: a number is written by the JSON grammar as a typed number ({@link TypedValues}: {@code 12.345} stays twelve
 * point three four five, {@code 2023.0} is {@code 2023}), a string as written (the text grammar reads it), null as
 * empty, a nested object or array as its JSON text. The file is read twice (keys, then rows), streaming, so a large
 * file does not fill the heap.
 */
public final class JsonToCsv {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // each record is read from the middle of the array: the records after it are not trailing junk
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonToCsv() {
    }

    /** The file is not an array of records; the message says why (and where). */
    public static final class NotRecordsException extends Exception {
        NotRecordsException(String message) {
            super(message);
        }
    }

    public static void convert(Path json, Path csv) throws IOException, NotRecordsException {
        Set<String> keys = new LinkedHashSet<>();
        int records = eachRecord(json, (record, line) -> record.properties().forEach(e -> keys.add(e.getKey())));
        if (records == 0) {
            throw new NotRecordsException("the array holds no records");
        }
        List<String> header = new ArrayList<>(List.of("record_no", "start_line"));
        header.addAll(keys);
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            int[] recordNo = {0};
            eachRecord(json, (record, line) -> {
                List<String> row = new ArrayList<>(header.size());
                row.add(Integer.toString(++recordNo[0]));
                row.add(Long.toString(line));
                for (String key : keys) {
                    row.add(text(record.get(key)));
                }
                try {
                    printer.printRecord(row);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** A value as the loader's text: numbers typed, strings as written (never marked), null and missing as empty. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isNumber()) {
            return TypedValues.number(value.decimalValue());
        }
        if (value.isString()) {
            return TypedValues.text(value.stringValue());
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        return TypedValues.text(value.toString());
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static int eachRecord(Path json, BiConsumer<JsonNode, Long> action) throws IOException, NotRecordsException {
        int count = 0;
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new NotRecordsException("the file does not start with an array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new NotRecordsException("the array is not closed (the file ends at line "
                            + parser.currentTokenLocation().getLineNr() + ")");
                }
                count++;
                if (token != JsonToken.START_OBJECT) {
                    throw new NotRecordsException("element " + count + " (line " + parser.currentTokenLocation().getLineNr()
                            + ") is not a record but " + kind(token));
                }
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode record = MAPPER.readTree(parser);
                action.accept(record, line);
            }
            if (parser.nextToken() != null) {
                throw new NotRecordsException("there is more after the array (line " + parser.currentTokenLocation().getLineNr() + ")");
            }
        } catch (JacksonException e) {
            // Jackson names its input and a start marker in brackets; the steward needs the problem and the line.
            throw new NotRecordsException(e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[.*?\\]\\)", "") + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        return count;
    }

}
