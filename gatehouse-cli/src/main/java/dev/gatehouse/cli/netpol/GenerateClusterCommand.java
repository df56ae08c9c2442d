package dev.gatehouse.cli.netpol;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.UserException;
import dev.gatehouse.netpol.synth.ClusterGenerator;
import dev.gatehouse.netpol.synth.GeneratedCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse generate-cluster}: writes a synthetic microsegmented cluster (namespaces,
 * workloads, NetworkPolicies) for benchmarks and demos, deterministically from a seed.
 */
@Command(
    name = "generate-cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic microsegmented cluster as YAML: per namespace a default deny, DNS egress,"
          + " Prometheus scraping, and per app (frontend, backends, database) one policy with"
          + " tiered allows, plus some cross-namespace, internet and partner-range rules.",
      "Files: DIR/namespaces.yaml, DIR/<ns>/workloads.yaml, DIR/<ns>/policies.yaml (each written"
          + " atomically). The system namespaces kube-system, ingress-nginx and monitoring, with"
          + " one workload each, come on top of the requested counts."
    })
public final class GenerateClusterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--namespaces",
      paramLabel = "N",
      defaultValue = "10",
      description = "Application namespaces (default: ${DEFAULT-VALUE}).")
  int namespaces = 10;

  @Option(
      names = "--workloads",
      paramLabel = "W",
      defaultValue = "100",
      description =
          "Application workloads, spread evenly over the namespaces (default: ${DEFAULT-VALUE}).")
  int workloads = 100;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Seed; the same seed and counts give the same files (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--admin-and-cilium",
      description =
          "Also write 20 AdminNetworkPolicies (Allow, Deny and Pass rules, distinct priorities),"
              + " the BaselineAdminNetworkPolicy (admin-policies.yaml) and 300"
              + " CiliumNetworkPolicies with L7 HTTP, FQDN egress and L4 rules"
              + " (<ns>/cilium-policies.yaml); analyse them with --engine cilium.")
  boolean adminAndCilium;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      required = true,
      description = "Directory to write into (created if missing; existing files are replaced).")
  Path output = Path.of(".");

  @Override
  public Integer call() {
    ClusterGenerator.Options options;
    try {
      options = new ClusterGenerator.Options(namespaces, workloads, seed, adminAndCilium);
    } catch (IllegalArgumentException e) {
      throw new UserException(String.valueOf(e.getMessage()), ExitCodes.USAGE);
    }
    GeneratedCluster cluster = ClusterGenerator.generate(options);
    try {
      cluster.writeTo(output);
    } catch (IOException e) {
      throw new UserException("cannot write " + output + ": " + e.getMessage(), ExitCodes.ERROR);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %d files to %s: %d namespaces, %d workloads, %d NetworkPolicies%s%n",
            cluster.files().size(),
            output,
            cluster.namespaces(),
            cluster.workloads(),
            cluster.policies(),
            adminAndCilium
                ? ", "
                    + cluster.adminPolicies()
                    + " admin network policies, "
                    + cluster.ciliumPolicies()
                    + " CiliumNetworkPolicies"
                : "");
    return ExitCodes.OK;
  }
}
