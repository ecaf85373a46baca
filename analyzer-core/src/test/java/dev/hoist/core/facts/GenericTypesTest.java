package dev.hoist.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A field's generic signature as the source declares the type, in simple names (a fix's local is declared with it). */
class GenericTypesTest {
    @Test
    void signaturesBecomeSourceTypes() {
        assertThat(GenericTypes.sourceType("Ljava/util/List;", "Ljava/util/List<Lorg/apache/math/Vector3D;>;")).isEqualTo("List<Vector3D>");
        assertThat(GenericTypes.sourceType("Ljava/util/Map;", "Ljava/util/Map<Ljava/lang/String;Ljava/util/List<Ljava/lang/Integer;>;>;"))
                .isEqualTo("Map<String, List<Integer>>");
        assertThat(GenericTypes.sourceType("[Ljava/lang/Object;", "[TT;")).isEqualTo("T[]");
        assertThat(GenericTypes.sourceType("[Ljava/util/List;", "[Ljava/util/List<+Ljava/lang/Number;>;")).isEqualTo("List<? extends Number>[]");
        assertThat(GenericTypes.sourceType("Ljava/util/Map$Entry;", "Ljava/util/Map$Entry<TK;*>;")).isEqualTo("Map.Entry<K, ?>");
        assertThat(GenericTypes.sourceType("[[I", null)).isEqualTo("int[][]");
        assertThat(GenericTypes.sourceType("Ljava/util/List;", null)).isEqualTo("List");
        assertThat(GenericTypes.sourceType("Ljava/util/List;", "not a signature")).isEqualTo("List");
    }
}
