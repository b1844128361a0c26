package dev.noodle.common.report.heatmap;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Draws heatmaps as PNG images with JFreeChart: the bins in a perceptually uniform colour map,
 * a colour scale labelled with the unit, and the die extent on the axes in micrometres, with one
 * micrometre as long across as up. Differences between two heatmaps use a diverging map
 * centred on 0: blue where the value fell, red where it rose.
 *
 * <p>Percent data is drawn on a scale from 0 to 100 (widened if values lie outside), so images of
 * different runs can be compared by eye; other data on the range of its values.
 *
 * <p>Runs without a display: the class sets {@code java.awt.headless=true} unless the property
 * is already set. Thread-safe: every call draws its own chart.
 */
public final class HeatmapRenderer {
  /** Default image width in pixels. */
  public static final int WIDTH = 900;
  /** Default image height in pixels. */
  public static final int HEIGHT = 760;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private HeatmapRenderer() {}

  /**
   * Draws a heatmap.
   *
   * @throws IllegalArgumentException when the heatmap has no grid (it could not be read, or had
   *     more bins than the parser keeps)
   */
  public static BufferedImage render(Heatmap heatmap, String title, int width, int height) {
    if (heatmap.grid() == null) {
      throw new IllegalArgumentException("the heatmap has no grid to draw"
          + (heatmap.problems().isEmpty() ? "" : ": " + heatmap.problems().get(0)));
    }
    HeatmapGrid grid = heatmap.grid();
    double low = grid.value(0);
    double high = low;
    for (int i = 1; i < grid.size(); i++) {
      low = Math.min(low, grid.value(i));
      high = Math.max(high, grid.value(i));
    }
    if ("%".equals(heatmap.unit())) {
      low = Math.min(0, low);
      high = Math.max(100, high);
    } else if (high == low) {
      low -= 1;
      high += 1;
    }
    String legend = "value" + (heatmap.unit() == null ? "" : " (" + heatmap.unit() + ")");
    return draw(grid, title, legend, new BinChart.Scale(low, high, ColorMaps::sequential),
        width, height);
  }

  /**
   * Draws a difference between two heatmaps.
   *
   * @throws IllegalArgumentException when the comparison was refused; its problems say why
   */
  public static BufferedImage renderDiff(HeatmapDiff diff, String title, int width, int height) {
    if (diff.delta() == null) {
      throw new IllegalArgumentException("the heatmaps cannot be compared: "
          + String.join("; ", diff.problems()));
    }
    double reach = diff.maxAbs() > 0 ? diff.maxAbs() : 1;
    DoubleFunction<Color> colors = t -> ColorMaps.diverging(2 * t - 1);
    String legend = "after - before" + (diff.unit() == null ? "" : " (" + diff.unit() + ")");
    return draw(diff.delta(), title, legend, new BinChart.Scale(-reach, reach, colors), width,
        height);
  }

  /** Writes {@link #render} as a PNG file of the default size. */
  public static void writePng(Heatmap heatmap, String title, Path png) throws IOException {
    write(render(heatmap, title, WIDTH, HEIGHT), png);
  }

  /** Writes {@link #renderDiff} as a PNG file of the default size. */
  public static void writeDiffPng(HeatmapDiff diff, String title, Path png) throws IOException {
    write(renderDiff(diff, title, WIDTH, HEIGHT), png);
  }

  /** Writes an image as PNG to a stream, which is left open. */
  public static void writePng(BufferedImage image, OutputStream out) throws IOException {
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer is available in this Java runtime");
    }
  }

  private static void write(BufferedImage image, Path png) throws IOException {
    try (OutputStream out = Files.newOutputStream(png)) {
      writePng(image, out);
    }
  }

  private static BufferedImage draw(HeatmapGrid grid, String title, String legendLabel,
      BinChart.Scale scale, int width, int height) {
    if (width < 200 || height < 200) {
      throw new IllegalArgumentException("a heatmap image needs at least 200 x 200 pixels, got "
          + width + " x " + height);
    }
    Box extent = grid.extent();
    JFreeChart chart = chart(grid, extent, title, legendLabel, scale);
    ChartRenderingInfo info = new ChartRenderingInfo();
    paint(chart, width, height, info);
    // Second pass: pad the chart so the plot has the die's proportions.
    Rectangle2D area = info.getPlotInfo().getDataArea();
    double wanted = extent.width() / extent.height();
    double padX = 0;
    double padY = 0;
    if (area.getWidth() / area.getHeight() > wanted) {
      padX = (area.getWidth() - area.getHeight() * wanted) / 2;
    } else {
      padY = (area.getHeight() - area.getWidth() / wanted) / 2;
    }
    chart.setPadding(new RectangleInsets(8 + padY, 8 + padX, 8 + padY, 8 + padX));
    return paint(chart, width, height, null);
  }

  private static JFreeChart chart(HeatmapGrid grid, Box extent, String title,
      String legendLabel, BinChart.Scale scale) {
    NumberAxis x = new NumberAxis(axisLabel("x", extent.x0(), extent.x1()));
    NumberAxis y = new NumberAxis(axisLabel("y", extent.y0(), extent.y1()));
    x.setRange(extent.x0(), extent.x1());
    y.setRange(extent.y0(), extent.y1());
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(new BinChart.Dataset(grid), x, y, new BinChart.Renderer(scale));
    plot.setBackgroundPaint(new Color(0xE6E6E6));
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setOutlinePaint(Color.DARK_GRAY);

    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    NumberAxis legendAxis = new NumberAxis(legendLabel);
    legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
    legendAxis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(18);
    legend.setSubdivisionCount(256);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setMargin(new RectangleInsets(4, 12, 4, 4));
    legend.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(legend);
    return chart;
  }

  /** Names the axis and the die extent along it, since ticks rarely fall on the die edges. */
  private static String axisLabel(String axis, double from, double to) {
    return axis + " (\u00b5m), die " + number(from) + " to " + number(to);
  }

  private static String number(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static BufferedImage paint(JFreeChart chart, int width, int height,
      ChartRenderingInfo info) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
    } finally {
      g2.dispose();
    }
    return image;
  }
}
