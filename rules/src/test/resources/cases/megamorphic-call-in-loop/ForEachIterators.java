package cases.megamorphic_call_in_loop;

import java.util.Iterator;
import java.util.List;

/**
 * The for-each protocol: hasNext()/next() on the loop's own java.util.Iterator are not reported
 * even though the analyzed code declares three Iterator classes, because a for-each site sees one
 * iterator class in most programs and C2 inlines it. When the iterator type is declared in the
 * analyzed code, its class-path count is reported, with low severity: only the profile can say
 * how many receiver classes the site really sees.
 */
public class ForEachIterators {

    static final class Up implements Iterator<Integer> {
        int i;
        public boolean hasNext() { return i < 10; }
        public Integer next() { return i++; }
    }

    static final class Down implements Iterator<Integer> {
        int i = 10;
        public boolean hasNext() { return i > 0; }
        public Integer next() { return i--; }
    }

    static final class Never implements Iterator<Integer> {
        public boolean hasNext() { return false; }
        public Integer next() { throw new IllegalStateException(); }
    }

    static long sum(List<String> words) {
        long n = 0;
        for (String w : words) {
            n += w.length();
        }
        return n;
    }

    interface Cursor {
        boolean hasNext();
        long next();
    }

    static final class Ones implements Cursor {
        public boolean hasNext() { return true; }
        public long next() { return 1; }
    }

    static final class Twos implements Cursor {
        public boolean hasNext() { return true; }
        public long next() { return 2; }
    }

    static final class Threes implements Cursor {
        public boolean hasNext() { return false; }
        public long next() { return 3; }
    }

    // The cursor type is the analyzed code's own: its count is reported, low, and says the profile decides.
    static long drain(Cursor c) {
        long n = 0;
        while (c.hasNext()) { // expect: megamorphic-call-in-loop@low "The profile decides"
            n += c.next(); // expect: megamorphic-call-in-loop@low
        }
        return n;
    }
}
