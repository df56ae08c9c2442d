package dev.gatehouse.kube;

/** A container port of a workload's pod template: optional name, number and protocol. */
public record ContainerPort(String name, int port, String protocol) {}
