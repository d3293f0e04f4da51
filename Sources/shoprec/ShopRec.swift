import ArgumentParser

/// `shoprec`: the recommendation engine's command-line entry point.
@main
struct ShopRec: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shoprec",
    abstract: "A recommendation engine microservice for online shops.",
    discussion: """
      Run `shoprec serve` to answer gRPC on 127.0.0.1:50051 from the built-in demo shop.
      Build snapshots from a shop's feeds and orders with `shoprec build`, look inside with
      `shoprec inspect`, ask questions locally with `shoprec query` and `shoprec letters`, and
      measure recommendation quality on held-out orders with `shoprec evaluate`.
      """,
    subcommands: [
      Serve.self, Build.self, Inspect.self, Query.self, Letters.self, Evaluate.self, Demo.self,
      Generate.self,
    ],
    defaultSubcommand: Serve.self
  )
}
