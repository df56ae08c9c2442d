package dev.gatehouse.netpol.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shape of a synthetic cluster before it becomes manifests: application namespaces, the apps in
 * each (a frontend, backends and usually a database), and which apps get cross-namespace, external
 * or partner rules. Every choice comes from one seeded random source, in a fixed order.
 */
final class ClusterLayout {
  private static final List<String> NAMESPACE_WORDS =
      List.of(
          "payments",
          "catalog",
          "checkout",
          "search",
          "identity",
          "shipping",
          "inventory",
          "billing",
          "analytics",
          "notifications",
          "reviews",
          "media",
          "pricing",
          "ledger");
  private static final List<String> APP_WORDS =
      List.of(
          "cart",
          "orders",
          "users",
          "ratings",
          "quotes",
          "stock",
          "invoices",
          "emails",
          "images",
          "feeds",
          "sessions",
          "tokens",
          "refunds",
          "labels",
          "events",
          "reports");

  /** One application namespace. */
  record Ns(String name, String team, String env, List<App> apps) {}

  /** One application: its workloads by tier, and the extra rules it gets. */
  record App(
      String namespace,
      String name,
      List<Workload> workloads,
      App.Extras extras,
      int partnerBlock) {

    /** Which optional rules the app's policy carries. */
    record Extras(boolean callsOtherNamespace, boolean internetEgress, boolean publicIngress) {}

    /** Whether the app has a workload of {@code tier}. */
    boolean has(String tier) {
      return workloads.stream().anyMatch(w -> w.tier().equals(tier));
    }
  }

  /**
   * One workload.
   *
   * @param dbPort the database port (5432 or 6379) when {@code tier} is {@code db}
   */
  record Workload(
      String name, String tier, String kind, int replicas, String version, int dbPort) {}

  /** A call from one app to another app's backends in another namespace. */
  record CrossCall(App from, App to) {}

  final List<Ns> namespaces = new ArrayList<>();
  final List<CrossCall> crossCalls = new ArrayList<>();

  /** Lays out {@code namespaces} namespaces sharing {@code workloads} workloads. */
  static ClusterLayout of(int namespaceCount, int workloadCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ClusterLayout layout = new ClusterLayout();
    int appIndex = 0;
    for (int i = 0; i < namespaceCount; i++) {
      String name = NAMESPACE_WORDS.get(i % NAMESPACE_WORDS.size()) + "-" + i;
      String team = "team-" + (i % Math.max(1, namespaceCount / 3 + 1));
      String env = random.nextInt(4) == 0 ? "staging" : "prod";
      int share = workloadCount / namespaceCount + (i < workloadCount % namespaceCount ? 1 : 0);
      List<App> apps = new ArrayList<>();
      while (share > 0) {
        int size = Math.min(share, appSize(random, share));
        share -= size;
        apps.add(
            app(random, name, APP_WORDS.get(appIndex % APP_WORDS.size()) + "-" + appIndex, size));
        appIndex++;
      }
      layout.namespaces.add(new Ns(name, team, env, List.copyOf(apps)));
    }
    layout.planCrossCalls(random);
    return layout;
  }

  /** Sizes 1..4, mostly 3; never leaves a remainder of 0 < r < 1. */
  private static int appSize(SplittableRandom random, int left) {
    int[] sizes = {2, 3, 3, 3, 4};
    int size = sizes[random.nextInt(sizes.length)];
    return left - size == 1 ? size + 1 : size;
  }

  private static App app(SplittableRandom random, String ns, String name, int size) {
    List<String> tiers =
        switch (size) {
          case 1 -> List.of("backend");
          case 2 -> List.of("frontend", "backend");
          case 3 -> List.of("frontend", "backend", "db");
          default -> {
            List<String> t = new ArrayList<>(List.of("frontend", "backend", "db"));
            for (int i = 3; i < size; i++) {
              t.add(2, "backend");
            }
            yield List.copyOf(t);
          }
        };
    List<Workload> workloads = new ArrayList<>();
    int backends = 0;
    for (String tier : tiers) {
      String suffix =
          switch (tier) {
            case "frontend" -> "web";
            case "db" -> "db";
            default -> backends++ == 0 ? "api" : "worker-" + (backends - 1);
          };
      boolean db = tier.equals("db");
      workloads.add(
          new Workload(
              name + "-" + suffix,
              tier,
              db ? "StatefulSet" : "Deployment",
              1 + random.nextInt(db ? 3 : 5),
              "v" + (1 + random.nextInt(3)),
              db ? (random.nextBoolean() ? 5432 : 6379) : 0));
    }
    App.Extras extras =
        new App.Extras(random.nextInt(4) == 0, random.nextInt(5) == 0, random.nextInt(6) == 0);
    return new App(
        ns, name, List.copyOf(workloads), extras, random.nextInt(7) == 0 ? random.nextInt(16) : -1);
  }

  /** Each app that calls another namespace gets a random app with backends elsewhere. */
  private void planCrossCalls(SplittableRandom random) {
    if (namespaces.size() < 2) {
      return;
    }
    for (Ns ns : namespaces) {
      for (App app : ns.apps()) {
        if (!app.extras().callsOtherNamespace()) {
          continue;
        }
        Ns other = namespaces.get(random.nextInt(namespaces.size()));
        if (other == ns || other.apps().isEmpty()) {
          continue;
        }
        App target = other.apps().get(random.nextInt(other.apps().size()));
        if (target.has("backend")) {
          crossCalls.add(new CrossCall(app, target));
        }
      }
    }
  }
}
