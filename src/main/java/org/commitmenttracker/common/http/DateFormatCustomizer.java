package org.commitmenttracker.common.http;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads dates in request bodies by {@link Dates}, as the API documents them. Applied last, after Quarkus has
 * registered the java.time module, so that this reader wins.
 */
@Singleton
public class DateFormatCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("api-dates").addDeserializer(LocalDate.class, new ApiDateReader()));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static final class ApiDateReader extends StdScalarDeserializer<LocalDate> {

        ApiDateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            var text = p.getText();
            try {
                return Dates.parse(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, LocalDate.class);
            }
        }
    }
}
