package dev.noodle.common.report.heatmap;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleFunction;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.AbstractXYZDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The JFreeChart pieces that draw heatmap bins: a dataset over a {@link HeatmapGrid}, a renderer
 * that fills each bin's own box (JFreeChart's block renderer assumes equal blocks, while edge
 * bins are clipped) and a paint scale over one of the {@link ColorMaps}.
 */
final class BinChart {
  private BinChart() {}

  /** One series: the bins of a grid, located by their centres, valued by their values. */
  static final class Dataset extends AbstractXYZDataset {
    private final transient HeatmapGrid grid;

    Dataset(HeatmapGrid grid) {
      this.grid = grid;
    }

    Box box(int item) {
      return grid.box(item);
    }

    @Override
    public int getSeriesCount() {
      return 1;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
      return "bins";
    }

    @Override
    public int getItemCount(int series) {
      return grid.size();
    }

    @Override
    public Number getX(int series, int item) {
      Box b = grid.box(item);
      return (b.x0() + b.x1()) / 2;
    }

    @Override
    public Number getY(int series, int item) {
      Box b = grid.box(item);
      return (b.y0() + b.y1()) / 2;
    }

    @Override
    public Number getZ(int series, int item) {
      return grid.value(item);
    }
  }

  /** Fills each bin's box with the colour of its value. */
  static final class Renderer extends AbstractXYItemRenderer {
    private final transient PaintScale scale;

    Renderer(PaintScale scale) {
      this.scale = scale;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
        PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
        XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
      Dataset bins = (Dataset) dataset;
      Box b = bins.box(item);
      double left = domainAxis.valueToJava2D(b.x0(), dataArea, plot.getDomainAxisEdge());
      double right = domainAxis.valueToJava2D(b.x1(), dataArea, plot.getDomainAxisEdge());
      double top = rangeAxis.valueToJava2D(b.y1(), dataArea, plot.getRangeAxisEdge());
      double bottom = rangeAxis.valueToJava2D(b.y0(), dataArea, plot.getRangeAxisEdge());
      Rectangle2D cell = new Rectangle2D.Double(Math.min(left, right), Math.min(top, bottom),
          Math.abs(right - left), Math.abs(bottom - top));
      g2.setPaint(scale.getPaint(bins.getZValue(series, item)));
      g2.fill(cell);
      // A hairline in the cell's own colour closes anti-aliasing seams between cells.
      g2.draw(cell);
    }
  }

  /** Maps values in [lower, upper] onto a colour map. */
  static final class Scale implements PaintScale {
    private final double lower;
    private final double upper;
    private final DoubleFunction<Color> colors;

    /** {@code colors} takes a position in [0, 1] from {@code lower} to {@code upper}. */
    Scale(double lower, double upper, DoubleFunction<Color> colors) {
      this.lower = lower;
      this.upper = upper;
      this.colors = colors;
    }

    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      return colors.apply((value - lower) / (upper - lower));
    }
  }
}
