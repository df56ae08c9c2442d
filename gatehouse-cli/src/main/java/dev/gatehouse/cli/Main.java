package dev.gatehouse.cli;

/** Entry point of the {@code gatehouse} command. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.out.println("gatehouse");
  }
}
