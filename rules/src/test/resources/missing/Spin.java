public class Spin {
    Flag flag = new Flag();
    int work;

    // flag.n may change under the loop: Flag is volatile, and when Flag is not on the class path
    // Hoist cannot know it is not, so the call on it is not advised out of the loop
    int scaled(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * Math.abs(flag.n);
        }
        return s;
    }
}
