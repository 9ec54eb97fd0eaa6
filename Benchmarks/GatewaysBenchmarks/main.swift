import Foundation
import MembershipGraph

// Placeholder runner, replaced by the full benchmark suite: times building one graph.
var rng = SeededGenerator(seed: 1)
var builder = BipartiteGraphBuilder<Int, Int>()
for _ in 0..<1_000_000 {
  builder.addMembership(
    person: Int.random(in: 0..<300_000, using: &rng),
    group: Int.random(in: 0..<150_000, using: &rng))
}
let start = ContinuousClock.now
let graph = builder.build()
let components = graph.connectedComponents()
print("build+components: \(ContinuousClock.now - start), components \(components.count)")
