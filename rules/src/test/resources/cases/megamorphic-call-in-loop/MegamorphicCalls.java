package cases.megamorphic_call_in_loop;

import java.util.List;

/**
 * Interface and virtual calls in loops whose target type has three or more implementations in
 * the analyzed classes: if the profile sees more than two receiver classes at the site, C2
 * compiles a virtual/interface dispatch and cannot inline the callee.
 */
public class MegamorphicCalls {

    interface Shape {
        double area();
    }

    static final class Circle implements Shape {
        double r;

        public double area() {
            return 3.14159 * r * r;
        }
    }

    static final class Square implements Shape {
        double side;

        public double area() {
            return side * side;
        }
    }

    static final class Triangle implements Shape {
        double base;
        double height;

        public double area() {
            return 0.5 * base * height;
        }
    }

    abstract static class Op {
        abstract int apply(int x);
    }

    static final class Add extends Op {
        int k;

        int apply(int x) {
            return x + k;
        }
    }

    static final class Mul extends Op {
        int k;

        int apply(int x) {
            return x * k;
        }
    }

    static final class Neg extends Op {
        int apply(int x) {
            return -x;
        }
    }

    interface Codec {
        int encode(int v);
    }

    static final class Plain implements Codec {
        public int encode(int v) {
            return v;
        }
    }

    static final class ZigZag implements Codec {
        public int encode(int v) {
            return (v << 1) ^ (v >> 31);
        }
    }

    static final class Flip implements Codec {
        public int encode(int v) {
            return ~v;
        }
    }

    static final class Swap implements Codec {
        public int encode(int v) {
            return Integer.reverseBytes(v);
        }
    }

    static double totalArea(Shape[] shapes) {
        double total = 0;
        for (int i = 0; i < shapes.length; i++) {
            total += shapes[i].area(); // expect: megamorphic-call-in-loop
        }
        return total;
    }

    static int run(Op[] program, int x) {
        for (Op op : program) {
            x = op.apply(x); // expect: megamorphic-call-in-loop
        }
        return x;
    }

    static int encodeAll(List<Codec> codecs, int v) {
        int h = 0;
        for (Codec c : codecs) {
            h += c.encode(v); // expect: megamorphic-call-in-loop
        }
        return h;
    }
}
