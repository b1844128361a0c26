package dev.noodle.common.report.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noodle.common.report.ParseOptions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapRendererTest {
  /** Renders are kept here so a person can look at them after the build. */
  private static final Path OUT = Path.of("target/heatmap-renders");

  private static final String BEFORE = """
      x0,y0,x1,y1,value (%)
      0,0,10,10,2.000000e+01
      0,10,10,15,4.000000e+01
      10,0,20,10,6.000000e+01
      10,10,20,15,9.000000e+01
      20,0,24,10,1.000000e+01
      20,10,24,15,5.000000e+01
      """;
  private static final String AFTER = BEFORE.replace("9.000000e+01", "7.000000e+01")
      .replace("2.000000e+01", "3.000000e+01");

  static Heatmap parse(String csv) throws IOException {
    return HeatmapCsvParser.parse(new StringReader(csv), ParseOptions.defaults());
  }

  @Test
  void renderWritesAPngOfTheRequestedSize() throws IOException {
    BufferedImage image = HeatmapRenderer.render(parse(BEFORE), "placement density", 640, 480);

    BufferedImage read = roundTrip(image);
    assertEquals(640, read.getWidth());
    assertEquals(480, read.getHeight());
  }

  @Test
  void renderOfTheFixtureIsWrittenForInspection() throws IOException {
    Heatmap fixture = HeatmapCsvFixtureTest.parseFixture();
    Files.createDirectories(OUT);
    Path png = OUT.resolve("placement-density.png");

    HeatmapRenderer.writePng(fixture, "gcd nangate45: placement density", png);

    BufferedImage read = ImageIO.read(png.toFile());
    assertEquals(HeatmapRenderer.WIDTH, read.getWidth());
    assertEquals(HeatmapRenderer.HEIGHT, read.getHeight());
  }

  @Test
  void binsAreFilledWithTheirColourOnTheZeroToHundredScale() throws IOException {
    BufferedImage image = HeatmapRenderer.render(parse(BEFORE), "t", 600, 600);

    // Percent data is drawn from 0 to 100: the bin at 90 % takes the colour at 0.9.
    assertTrue(pixelsOf(image, ColorMaps.sequential(0.9)) > 1000);
    assertTrue(pixelsOf(image, ColorMaps.sequential(0.1)) > 1000);
    assertTrue(ColorMaps.lightness(ColorMaps.sequential(0.9))
        > ColorMaps.lightness(ColorMaps.sequential(0.1)));
  }

  @Test
  void diffIsDrawnOnTheSharedGrid() throws IOException {
    HeatmapDiff diff = HeatmapDiff.between(parse(BEFORE), parse(AFTER));
    Files.createDirectories(OUT);
    Path png = OUT.resolve("diff.png");

    HeatmapRenderer.writeDiffPng(diff, "after - before", png);

    assertEquals(-20, diff.maxDecrease().value(), 1e-9);
    assertEquals(10, diff.maxIncrease().value(), 1e-9);
    assertEquals(new Box(10, 10, 20, 15), diff.maxDecrease().box());
    BufferedImage read = ImageIO.read(png.toFile());
    assertEquals(HeatmapRenderer.WIDTH, read.getWidth());
    assertEquals(HeatmapRenderer.HEIGHT, read.getHeight());
  }

  @Test
  void diffOfDifferentGridsIsRefusedWithAClearProblem() throws IOException {
    Heatmap other = parse(BEFORE.replace("20,0,24,10", "20,0,25,10"));

    HeatmapDiff diff = HeatmapDiff.between(parse(BEFORE), other);

    assertNull(diff.delta());
    assertEquals(1, diff.problems().size());
    assertTrue(diff.problems().get(0).startsWith("the heatmaps have different grids"),
        diff.problems().get(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HeatmapRenderer.renderDiff(diff, "t", 400, 400));
    assertTrue(e.getMessage().contains("different grids"));
  }

  @Test
  void diffOfDifferentUnitsIsRefused() throws IOException {
    HeatmapDiff diff = HeatmapDiff.between(parse(BEFORE),
        parse(BEFORE.replace("value (%)", "value")));

    assertNull(diff.delta());
    assertTrue(diff.problems().get(0).contains("different units"));
  }

  @Test
  void aHeatmapWithoutGridIsNotDrawn() throws IOException {
    Heatmap unreadable = parse("not,a,heatmap\n");

    assertThrows(IllegalArgumentException.class,
        () -> HeatmapRenderer.render(unreadable, "t", 400, 400));
  }

  @Test
  void colourMapsHaveMonotonicLightness() {
    double last = -1;
    for (int i = 0; i <= 100; i++) {
      double l = ColorMaps.lightness(ColorMaps.sequential(i / 100.0));
      assertTrue(l > last - 1e-3, "sequential lightness falls at " + i);
      last = l;
    }
    double centre = ColorMaps.lightness(ColorMaps.diverging(0));
    for (int i = 1; i <= 100; i++) {
      double t = i / 100.0;
      assertTrue(ColorMaps.lightness(ColorMaps.diverging(t)) < centre);
      assertTrue(ColorMaps.lightness(ColorMaps.diverging(-t)) < centre);
    }
    assertNotEquals(ColorMaps.diverging(-1), ColorMaps.diverging(1));
    assertFalse(ColorMaps.diverging(0).equals(Color.BLACK));
  }

  private static BufferedImage roundTrip(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HeatmapRenderer.writePng(image, bytes);
    byte[] png = bytes.toByteArray();
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static long pixelsOf(BufferedImage image, Color color) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF) ? 1 : 0;
      }
    }
    return n;
  }
}
