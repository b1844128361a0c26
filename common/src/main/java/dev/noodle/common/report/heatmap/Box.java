package dev.noodle.common.report.heatmap;

/**
 * An axis-aligned rectangle of the layout in micrometres, lower-left corner first, as the tools
 * print gcell and bin boxes.
 */
public record Box(double x0, double y0, double x1, double y1) {
  public double width() {
    return x1 - x0;
  }

  public double height() {
    return y1 - y0;
  }

  public double area() {
    return width() * height();
  }

  /** The smallest box holding this one and {@code other}. */
  public Box union(Box other) {
    return new Box(Math.min(x0, other.x0), Math.min(y0, other.y0), Math.max(x1, other.x1),
        Math.max(y1, other.y1));
  }

  @Override
  public String toString() {
    return "(" + x0 + ", " + y0 + ") - (" + x1 + ", " + y1 + ")";
  }
}
