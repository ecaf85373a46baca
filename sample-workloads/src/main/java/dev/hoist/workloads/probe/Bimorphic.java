package dev.hoist.workloads.probe;

import dev.hoist.workloads.Runner;

/**
 * A call site that looks megamorphic on the class path (four Shape classes) but sees only two
 * receiver classes at run time: HotSpot inlines a bimorphic site, so there is no dispatch to
 * remove, and the profile must overrule the static finding.
 */
public final class Bimorphic {

    /** A shape with an area. */
    public interface Shape {
        double area();
    }

    record Square(double side) implements Shape {
        @Override public double area() {
            return side * side;
        }
    }

    record Circle(double radius) implements Shape {
        @Override public double area() {
            return Math.PI * radius * radius;
        }
    }

    record Triangle(double base, double height) implements Shape {
        @Override public double area() {
            return base * height / 2;
        }
    }

    record Ring(double outer, double inner) implements Shape {
        @Override public double area() {
            return Math.PI * (outer * outer - inner * inner);
        }
    }

    static double total(Shape[] shapes) {
        double sum = 0;
        for (int i = 0; i < shapes.length; i++) {
            sum += shapes[i].area();
        }
        return sum;
    }

    public static void main(String[] args) {
        Shape[] shapes = new Shape[100_000];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = i % 2 == 0 ? new Square(i % 7) : new Circle(i % 5);
        }
        // the other two classes exist and are loaded, but never reach the loop
        Runner.consume((long) (new Triangle(1, 2).area() + new Ring(3, 1).area()));
        Runner.runPasses(args, "Bimorphic", () -> (long) total(shapes));
    }
}
