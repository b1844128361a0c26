package dev.noodle.common.eco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcoParameterTest {
  private final EcoParameter paths = EcoParameter.ofInt("paths", 1, 1000, 10, "worst paths");
  private final EcoParameter drive = EcoParameter.ofChoice("drive", List.of(2L, 4L), 4, "drive");
  private final EcoParameter ratio = new EcoParameter("ratio", false, new BigDecimal("0.1"),
      new BigDecimal("0.9"), List.of(), new BigDecimal("0.5"), "ratio");

  @Test
  void integerRangeAcceptsItsBoundsAndRejectsBeyond() {
    assertNull(paths.problemWith(BigDecimal.ONE));
    assertNull(paths.problemWith(BigDecimal.valueOf(1000)));
    assertEquals("must be in [1, 1000], got 0", paths.problemWith(BigDecimal.ZERO));
    assertEquals("must be in [1, 1000], got 1001", paths.problemWith(BigDecimal.valueOf(1001)));
  }

  @Test
  void integerParameterRejectsFractionsButAcceptsTrailingZeros() {
    assertEquals("must be a whole number, got 2.5", paths.problemWith(new BigDecimal("2.5")));
    assertNull(paths.problemWith(new BigDecimal("2.00")));
  }

  @Test
  void choicesAcceptOnlyTheListedValues() {
    assertNull(drive.problemWith(BigDecimal.valueOf(2)));
    assertNull(drive.problemWith(new BigDecimal("4.0")));
    assertEquals("must be one of {2, 4}, got 3", drive.problemWith(BigDecimal.valueOf(3)));
    assertEquals("{2, 4}", drive.rangeText());
  }

  @Test
  void decimalParameterAcceptsFractionsInRange() {
    assertNull(ratio.problemWith(new BigDecimal("0.25")));
    assertEquals("must be in [0.1, 0.9], got 0.95", ratio.problemWith(new BigDecimal("0.95")));
    assertEquals("[0.1, 0.9]", ratio.rangeText());
  }

  @Test
  void renderWritesPlainNumbersOnly() {
    assertEquals("10", paths.render(BigDecimal.TEN));
    assertEquals("2", paths.render(new BigDecimal("2.00")));
    assertEquals("1000", paths.render(new BigDecimal("1E+3")));
    assertEquals("0.5", ratio.render(new BigDecimal("0.500")));
    assertEquals("100", ratio.render(new BigDecimal("100.0")));
    assertEquals("0.0001", ratio.render(new BigDecimal("1E-4")));
  }

  @Test
  void labelPrintsValuesWithoutTrailingZeros() {
    EcoInstance instance = new EcoInstance("buffer_fanout", new LinkedHashMap<>(
        Map.of("max_fanout", new BigDecimal("16.0"))));

    assertEquals("buffer_fanout(max_fanout=16)", instance.label());
    assertEquals("noop", EcoCatalog.noopInstance().label());
  }
}
