import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws Hoist's application icon (a flame-graph stack under an arrow lifting out of it) as a PNG.
 * Run once when the design changes, and commit the result:
 * {@code java installers/src/main/icons/DrawIcon.java installers/src/main/icons/hoist.png}
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // tile: a dark blue rounded square, lighter at the top
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f, 0x4e, 0x79), 0, s, new Color(0x0d, 0x21, 0x37)));
        g.fill(new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 56, 56));

        // a small flame graph: the samples, widest at the bottom, warm colours
        Color[] warm = {new Color(0xe8, 0x5d, 0x2a), new Color(0xf2, 0x8c, 0x28), new Color(0xf6, 0xb2, 0x3b), new Color(0xfa, 0xd6, 0x5c)};
        double[][] bars = { // x, width, for rows from the bottom
            {40, 176}, {40, 112}, {156, 60}, {40, 64}, {108, 44}, {40, 36}};
        int[] row = {0, 1, 1, 2, 2, 3};
        double h = 22, gap = 4, base = 212;
        for (int i = 0; i < bars.length; i++) {
            g.setColor(warm[row[i]]);
            double y = base - (row[i] + 1) * h - row[i] * gap;
            g.fill(new RoundRectangle2D.Double(bars[i][0], y, bars[i][1], h, 6, 6));
        }

        // the arrow: a loop's cost lifted out, up and to the right
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(150, 120);
        arrow.curveTo(160, 88, 178, 70, 200, 56);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(arrow);
        Path2D head = new Path2D.Double();
        head.moveTo(218, 40);
        head.lineTo(170, 48);
        head.lineTo(206, 86);
        head.closePath();
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.fill(head);
        g.draw(head);
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "hoist.png"));
    }
}
