package org.commitmenttracker.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads dates in request bodies as exactly YYYY-MM-DD, as the API documents them. ISO 8601 would also take
 * "+10000-12-31" or "-0001-01-01": dates that no quarter (2021-Q3) can hold, which would break every progress answer
 * covering them. Applied last, after Quarkus has registered the java.time module, so that this reader wins.
 */
@Singleton
public class DateFormatCustomizer implements ObjectMapperCustomizer {

    static final DateTimeFormatter YYYY_MM_DD = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("four-digit-years").addDeserializer(LocalDate.class,
                new LocalDateDeserializer(YYYY_MM_DD)));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
