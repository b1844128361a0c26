package dev.noodle.common.report.heatmap;

import java.awt.Color;

/**
 * Colour maps made for this project by walking through the Oklab colour space with lightness
 * changing linearly, so that equal steps in value look like equal steps in colour and the maps
 * still read correctly in greyscale. Colours outside the sRGB gamut are brought in by lowering
 * their chroma, keeping lightness and hue.
 */
final class ColorMaps {
  private static final int STEPS = 256;
  private static final Color[] SEQUENTIAL = new Color[STEPS];
  private static final Color[] DIVERGING = new Color[STEPS];

  static {
    for (int i = 0; i < STEPS; i++) {
      double t = i / (double) (STEPS - 1);
      // Dark blue-violet through teal and green to light yellow.
      SEQUENTIAL[i] = fromOklch(0.25 + 0.70 * t, 0.11 + 0.05 * Math.sin(Math.PI * t),
          285 - 190 * t);
      // Blue below zero, near-white at zero, red above; lightness falls away from the centre.
      double s = 2 * t - 1;
      double a = Math.abs(s);
      DIVERGING[i] = fromOklch(0.97 - 0.50 * a, 0.17 * Math.pow(a, 0.8), s < 0 ? 255 : 30);
    }
  }

  private ColorMaps() {}

  /** Colour for {@code t} in [0, 1], dark to light; values outside are clamped. */
  static Color sequential(double t) {
    return SEQUENTIAL[index((Double.isNaN(t) ? 0 : t))];
  }

  /** Colour for {@code t} in [-1, 1], near-white at 0; values outside are clamped. */
  static Color diverging(double t) {
    return DIVERGING[index((Double.isNaN(t) ? 0 : t) / 2 + 0.5)];
  }

  /** Oklab lightness of a colour, for checks. */
  static double lightness(Color c) {
    double r = toLinear(c.getRed() / 255.0);
    double g = toLinear(c.getGreen() / 255.0);
    double b = toLinear(c.getBlue() / 255.0);
    double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
  }

  private static int index(double t) {
    return (int) Math.round(Math.max(0, Math.min(1, t)) * (STEPS - 1));
  }

  private static Color fromOklch(double lightness, double chroma, double hueDegrees) {
    double h = Math.toRadians(hueDegrees);
    double c = chroma;
    double[] rgb = oklabToLinearSrgb(lightness, c * Math.cos(h), c * Math.sin(h));
    // Out of gamut: find by bisection the largest chroma that fits in sRGB.
    double lo = 0;
    double hi = c;
    if (!inGamut(rgb)) {
      for (int i = 0; i < 30; i++) {
        double mid = (lo + hi) / 2;
        if (inGamut(oklabToLinearSrgb(lightness, mid * Math.cos(h), mid * Math.sin(h)))) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      rgb = oklabToLinearSrgb(lightness, lo * Math.cos(h), lo * Math.sin(h));
    }
    return new Color(encode(rgb[0]), encode(rgb[1]), encode(rgb[2]));
  }

  private static double[] oklabToLinearSrgb(double lightness, double a, double b) {
    double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
    double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
    double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
    return new double[] {
        4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
        -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
        -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
  }

  private static boolean inGamut(double[] rgb) {
    for (double v : rgb) {
      if (v < -1e-9 || v > 1 + 1e-9) {
        return false;
      }
    }
    return true;
  }

  private static double cube(double v) {
    return v * v * v;
  }

  private static int encode(double linear) {
    double v = Math.max(0, Math.min(1, linear));
    double srgb = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    return (int) Math.round(srgb * 255);
  }

  private static double toLinear(double srgb) {
    return srgb <= 0.04045 ? srgb / 12.92 : Math.pow((srgb + 0.055) / 1.055, 2.4);
  }
}
