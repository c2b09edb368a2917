package org.commitmenttracker.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A progress answer kept for its version (see {@link AnswerCache}) that writes its JSON once and then sends the same
 * bytes: the grouped table of a round's two thousand commitments is 700 kB, and writing it again on every request was
 * most of that request's time (JFR: 85 % in Jackson). It reads as the list it holds, so CSV works on its rows as
 * before; the bytes are written by the service's own ObjectMapper, so they are what Jackson would write. The resource
 * declares this type, not {@code List}: Quarkus REST serializes by the declared type.
 */
@JsonSerialize(using = WrittenOnce.Writer.class)
final class WrittenOnce<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> rows;
    /** The rows as UTF-8 JSON, once a request has asked for them; a race only writes the same bytes twice. */
    volatile byte[] json;

    WrittenOnce(List<T> rows) {
        this.rows = List.copyOf(rows);
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    static final class Writer extends StdSerializer<WrittenOnce<?>> {

        Writer() {
            super(WrittenOnce.class, false);
        }

        @Override
        public void serialize(WrittenOnce<?> answer, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            var bytes = answer.json;
            if (bytes == null) {
                bytes = ((ObjectMapper) generator.getCodec()).writeValueAsBytes(answer.rows);
                answer.json = bytes;
            }
            generator.writeRawValue(new Utf8(bytes));
        }
    }

    /** Bytes already encoded, handed to the generator as they are; the char-based forms are decoded when asked. */
    private record Utf8(byte[] bytes) implements SerializableString {

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return decoded().appendUnquoted(buffer, offset);
        }

        @Override
        public char[] asQuotedChars() {
            return decoded().asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return decoded().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return decoded().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return decoded().appendQuoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return decoded().writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return decoded().putQuotedUTF8(buffer);
        }

        private SerializedString decoded() {
            return new SerializedString(getValue());
        }
    }
}
