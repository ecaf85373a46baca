import io.vertx.core.Vertx;

/** The Vert.x hello server: answers every request with a line of text on the port given (default 8086). */
public class Hello {
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8086;
        Vertx.vertx().createHttpServer()
                .requestHandler(req -> req.response().putHeader("content-type", "text/plain").end("hello\n"))
                .listen(port)
                .onSuccess(s -> System.out.println("listening on " + s.actualPort()))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }
}
