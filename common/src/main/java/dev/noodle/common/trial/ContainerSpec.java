package dev.noodle.common.trial;

/**
 * How a trial's tools run in a container instead of as local processes.
 *
 * @param image the image the study names (a tag such as {@code noodle-tools:2d561aa6ed11}, or a
 *     reference pinned by digest)
 * @param imageId the image it was pinned to when the study started ({@code sha256:...}); every
 *     container of the study is created from exactly this image
 * @param cpus CPU limit in cores (fractions allowed)
 * @param memoryMb memory limit in MiB; the container has no swap beyond it
 */
public record ContainerSpec(String image, String imageId, double cpus, long memoryMb) {}
