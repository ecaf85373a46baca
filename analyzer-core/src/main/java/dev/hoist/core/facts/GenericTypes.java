package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * A field's type as its source declares it, type arguments included ({@code List<Vector3D>}), from
 * its generic signature; simple names as a fix writes them. A local declared with the erased type
 * ({@code final List points = this.points;}) breaks the loop that iterates it as {@code Vector3D}.
 */
final class GenericTypes {
    private GenericTypes() {
    }

    /** The source text of a field type: from {@code signature} when there is one, else from {@code descriptor}. */
    static String sourceType(String descriptor, String signature) {
        if (signature != null) {
            try {
                StringBuilder out = new StringBuilder();
                new SignatureReader(signature).acceptType(new Text(out));
                return out.toString();
            } catch (RuntimeException e) {
                // a malformed signature: the erasure still compiles where it is not iterated by type
            }
        }
        return erased(Type.getType(descriptor));
    }

    private static String erased(Type t) {
        if (t.getSort() == Type.ARRAY) return erased(t.getElementType()) + "[]".repeat(t.getDimensions());
        return t.getSort() == Type.OBJECT ? simple(t.getInternalName()) : t.getClassName();
    }

    private static String simple(String internal) {
        return SourceText.simple(internal);
    }

    /** Writes one type signature as source text. */
    private static final class Text extends SignatureVisitor {
        private final StringBuilder out;
        private int arrays;
        private boolean args;

        Text(StringBuilder out) {
            super(Opcodes.ASM9);
            this.out = out;
        }

        @Override
        public void visitBaseType(char descriptor) {
            out.append(Type.getType(String.valueOf(descriptor)).getClassName());
            dims();
        }

        @Override
        public void visitTypeVariable(String name) {
            out.append(name);
            dims();
        }

        @Override
        public SignatureVisitor visitArrayType() {
            arrays++;
            return this;
        }

        private int pending;

        @Override
        public void visitClassType(String name) {
            pending = arrays;
            arrays = 0;
            out.append(simple(name));
            args = false;
        }

        @Override
        public void visitInnerClassType(String name) {
            if (args) out.append('>');
            args = false;
            out.append('.').append(name);
        }

        @Override
        public void visitTypeArgument() {
            out.append(args ? ", " : "<").append('?');
            args = true;
        }

        @Override
        public SignatureVisitor visitTypeArgument(char wildcard) {
            out.append(args ? ", " : "<");
            args = true;
            if (wildcard == EXTENDS) out.append("? extends ");
            if (wildcard == SUPER) out.append("? super ");
            return new Text(out);
        }

        @Override
        public void visitEnd() {
            if (args) out.append('>');
            args = false;
            out.append("[]".repeat(pending));
            pending = 0;
        }

        private void dims() {
            out.append("[]".repeat(arrays));
            arrays = 0;
        }
    }
}
