package org.commitmenttracker.common.persistence;

import java.io.IOException;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How jsonb columns (measures, responsibility, evidence URLs) are written: a mapper of their own, independent of the
 * strict REST mapper, with ISO dates and exact decimals, so stored JSON never depends on HTTP settings.
 */
@JsonFormat
@PersistenceUnitExtension
public class DatabaseJsonFormat implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build());

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }

    @Override
    public boolean supportsSourceType(Class<?> type) {
        return delegate.supportsSourceType(type);
    }

    @Override
    public boolean supportsTargetType(Class<?> type) {
        return delegate.supportsTargetType(type);
    }

    @Override
    public <T> void writeToTarget(T value, JavaType<T> type, Object target, WrapperOptions options) throws IOException {
        delegate.writeToTarget(value, type, target, options);
    }

    @Override
    public <T> T readFromSource(JavaType<T> type, Object source, WrapperOptions options) throws IOException {
        return delegate.readFromSource(type, source, options);
    }
}
