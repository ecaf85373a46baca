package dev.hoist.workloads.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.workloads.pairs.invariantfield.FlatField;
import dev.hoist.workloads.pairs.invariantfield.FlatFieldFixed;
import dev.hoist.workloads.pairs.uninlinable.Tokenizer;
import dev.hoist.workloads.pairs.uninlinable.TokenizerFixed;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two pairs rest on a JVM fact that an innocent edit could break without any result changing:
 * the tokenizer's classifier must stay above C2's inlining limit, and the flat-field threshold
 * must stay volatile. These tests keep the premises true, so the benchmarks keep measuring them.
 */
class PairPremisesTest {

    /** HotSpot's default FreqInlineSize on x86-64 and aarch64: hot callees above it are not inlined. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void tokenizerClassifierIsTooBigToInline() throws IOException {
        assertThat(codeLengths(Tokenizer.class)).hasEntrySatisfying("classify(C)I",
                length -> assertThat(length).isGreaterThan(FREQ_INLINE_SIZE));
        assertThat(codeLengths(TokenizerFixed.class)).doesNotContainKey("classify(C)I");
    }

    @Test
    void flatFieldThresholdIsVolatileAndGainsAreNot() throws NoSuchFieldException {
        for (Class<?> type : new Class<?>[] {FlatField.class, FlatFieldFixed.class}) {
            assertThat(Modifier.isVolatile(type.getDeclaredField("hotThreshold").getModifiers())).isTrue();
            assertThat(Modifier.isVolatile(type.getDeclaredField("gains").getModifiers())).isFalse();
        }
    }

    /** Bytecode length of each method's Code attribute, keyed by name + descriptor. */
    private static Map<String, Integer> codeLengths(Class<?> type) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
             DataInputStream in = new DataInputStream(raw)) {
            in.skipBytes(8); // magic, minor, major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            in.skipBytes(6); // access, this, super
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> lengths = new HashMap<>();
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.skipBytes(2);
                String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.skipBytes(4); // max_stack, max_locals
                        lengths.put(name, in.readInt());
                        in.skipBytes(length - 8);
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return lengths;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
