package dev.noodle.common.report.heatmap;

/** One heatmap bin: its box in micrometres and its value in the heatmap's unit. */
public record Bin(Box box, double value) {}
