public class Flag {
    public volatile boolean stop;
    public volatile int n;
}
