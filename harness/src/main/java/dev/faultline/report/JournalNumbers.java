package dev.faultline.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * How journal.json writes the latencies of {@link StepSummary} and {@link TimelinePoint}: JSON has
 * no NaN or infinity, so an unknown value is written as null and read back as NaN. Stateless.
 */
final class JournalNumbers {

  private JournalNumbers() {}

  /** The Jackson module that writes non-finite doubles as null and reads null as NaN. */
  static SimpleModule module() {
    JsonSerializer<Double> finiteOrNull =
        new JsonSerializer<>() {
          @Override
          public void serialize(Double value, JsonGenerator out, SerializerProvider provider)
              throws IOException {
            if (Double.isFinite(value)) {
              out.writeNumber(value);
            } else {
              out.writeNull();
            }
          }
        };
    return new SimpleModule("journal-numbers")
        .addSerializer(Double.class, finiteOrNull)
        .addSerializer(double.class, finiteOrNull)
        .addDeserializer(double.class, new NanWhenNull());
  }

  /** A double written as null (unknown) is NaN again. */
  private static final class NanWhenNull extends StdDeserializer<Double> {
    private static final long serialVersionUID = 1L;

    NanWhenNull() {
      super(double.class);
    }

    @Override
    public Double deserialize(JsonParser in, DeserializationContext context) throws IOException {
      return _parseDoublePrimitive(in, context);
    }

    @Override
    public Double getNullValue(DeserializationContext context) {
      return Double.NaN;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return Double.NaN;
    }
  }
}
