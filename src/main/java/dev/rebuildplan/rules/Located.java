package dev.rebuildplan.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;

/** A value read from a rules file, with the line and column it started at, for error messages. */
@JsonDeserialize(using = Located.Deserializer.class)
record Located<T>(T value, int line, int column) {

  static final class Deserializer extends JsonDeserializer<Located<?>>
      implements ContextualDeserializer {
    private final JavaType valueType;

    Deserializer() {
      this(null);
    }

    private Deserializer(JavaType valueType) {
      this.valueType = valueType;
    }

    @Override
    public JsonDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) {
      JavaType wrapper = context.getContextualType();
      if (wrapper == null && property != null) {
        wrapper = property.getType();
      }
      return new Deserializer(wrapper.containedType(0));
    }

    @Override
    public Located<?> deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      var location = parser.currentTokenLocation();
      Object value = context.readValue(parser, valueType);
      return new Located<>(value, location.getLineNr(), location.getColumnNr());
    }
  }
}
