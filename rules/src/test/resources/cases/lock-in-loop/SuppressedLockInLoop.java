package cases.lock_in_loop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** SuppressHoist with this rule's id silences it; another rule's id does not. */
public class SuppressedLockInLoop {
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface SuppressHoist {
        String[] value();
    }

    private final Object guard = new Object();
    private long total;

    @SuppressHoist("lock-in-loop")
    void silenced(long[] values) {
        for (long v : values) {
            synchronized (guard) {
                total += v;
            }
        }
    }

    @SuppressHoist("copy-in-loop")
    void otherRule(long[] values) {
        for (long v : values) {
            synchronized (guard) { // expect: lock-in-loop
                total += v;
            }
        }
    }
}
