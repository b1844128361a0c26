package dev.noodle.common.report.orfs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.noodle.common.report.internal.CharLimitReader;
import dev.noodle.common.report.internal.Reports;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys and values of a flat JSON object, read with Jackson's streaming parser so that
 * duplicate keys are seen and memory stays bounded whatever the input.
 */
final class RawMetrics {
  static final int MAX_KEYS = 20_000;
  static final int MAX_REPEATS = 10;
  static final int MAX_ARRAY = 100;
  private static final int MAX_STRING = 16 * 1024;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(MAX_STRING)
          .maxNameLength(MAX_STRING)
          .maxNumberLength(400)
          .maxNestingDepth(32)
          .build())
      // Python's json module, which writes these files, prints NaN and Infinity bare.
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      // Keys are not interned: a file of millions of distinct keys must not fill the heap.
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .build();

  final Map<String, Object> values = new LinkedHashMap<>();
  final Set<String> duplicates = new LinkedHashSet<>();
  /** Every value of each duplicated key, in file order, up to {@link #MAX_REPEATS} each. */
  final Map<String, List<Object>> duplicateValues = new LinkedHashMap<>();
  /** Key entries read, duplicates included. */
  long entries;
  final List<String> problems = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final CharLimitReader in;
  boolean partial;

  private RawMetrics(CharLimitReader in) {
    this.in = in;
  }

  /** Reads the object; bad content ends up in {@link #problems}, never as an exception. */
  static RawMetrics read(Reader reader, long maxChars) throws IOException {
    CharLimitReader in = new CharLimitReader(reader, maxChars);
    RawMetrics raw = new RawMetrics(in);
    try (JsonParser parser = FACTORY.createParser(in)) {
      raw.readObject(parser);
    } catch (JsonProcessingException e) {
      raw.partial = true;
      raw.problems.add("The JSON is malformed or cut short: "
          + Reports.clip(firstLine(e.getOriginalMessage()), 200)
          + " (after " + raw.values.size() + " keys)");
    }
    if (in.limited()) {
      raw.partial = true;
      raw.problems.add("Reading stopped at " + maxChars + " characters");
    }
    return raw;
  }

  private void readObject(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      problems.add("The input is empty");
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      problems.add("The input is not a JSON object; it starts with " + token);
      return;
    }
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (!put(key, readValue(parser, key, parser.nextToken()))) {
        return;
      }
    }
    if (token != JsonToken.END_OBJECT) {
      partial = true;
      problems.add("The JSON object does not end where expected");
    }
  }

  private boolean put(String key, Object value) {
    entries++;
    if (!seen.add(key)) {
      duplicates.add(key);
      if (duplicateValues.size() < MAX_KEYS || duplicateValues.containsKey(key)) {
        List<Object> all = duplicateValues.computeIfAbsent(key, k -> {
          List<Object> first = new ArrayList<>();
          first.add(values.get(k));
          return first;
        });
        if (all.size() < MAX_REPEATS) {
          all.add(value);
        }
      }
    } else if (seen.size() > MAX_KEYS) {
      partial = true;
      problems.add("More than " + MAX_KEYS + " keys; the rest was not read");
      return false;
    }
    values.put(key, value);
    return true;
  }

  private Object readValue(JsonParser parser, String key, JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonParseException(parser, "no value for " + key);
    }
    switch (token) {
      case START_ARRAY:
        return readArray(parser, key);
      case START_OBJECT:
        parser.skipChildren();
        problems.add("Key " + key + " holds an object; it was skipped");
        return null;
      default:
        return scalar(parser, token);
    }
  }

  private List<Object> readArray(JsonParser parser, String key) throws IOException {
    List<Object> items = new ArrayList<>();
    JsonToken token;
    boolean cut = false;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new JsonParseException(parser, "unclosed array");
      }
      if (token.isStructStart()) {
        parser.skipChildren();
        cut = true;
      } else if (items.size() < MAX_ARRAY) {
        items.add(scalar(parser, token));
      } else {
        cut = true;
      }
    }
    if (cut) {
      problems.add("Key " + key + " holds nested or more than " + MAX_ARRAY
          + " values; only the first plain values were kept");
    }
    return items;
  }

  private Object scalar(JsonParser parser, JsonToken token) throws IOException {
    if (token.isNumeric() && in.ended()) {
      // The parser had to read to the end of the input to finish this number, so the input
      // may have been cut inside it: -1.54333 cut short reads as -1.54.
      throw new JsonParseException(parser, "number at the very end of the input");
    }
    switch (token) {
      case VALUE_NUMBER_INT:
        Number n = parser.getNumberValue();
        if (n instanceof BigInteger big) {
          return big.bitLength() < 64 ? big.longValue() : big;
        }
        return n.longValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_STRING:
        return parser.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
