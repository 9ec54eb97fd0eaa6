import Dispatch
import Testing

@testable import MembershipGraph

struct ParallelTests {
  @Test(arguments: [0, 1, 2, 7, 64])
  func mapKeepsTheOrderOfTheIndices(count: Int) {
    #expect(Parallel.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
  }

  @Test func bothReturnsEachResultInItsPlace() {
    let (text, number) = Parallel.both({ String(repeating: "a", count: 3) }, { 40 + 2 })
    #expect(text == "aaa")
    #expect(number == 42)
  }

  @Test(arguments: [0, 1, 3, 50])
  func streamConsumesEveryResultInOrder(count: Int) {
    var seen: [Int] = []
    Parallel.stream(count, produce: { index in index * 10 }, consume: { seen.append($0) })
    #expect(seen == (0..<count).map { $0 * 10 })
  }

  struct Stop: Error {}

  @Test func streamStopsConsumingAtTheFirstErrorAndRethrowsIt() {
    var seen: [Int] = []
    #expect(throws: Stop.self) {
      try Parallel.stream(
        20, produce: { $0 },
        consume: { value in
          if value == 5 { throw Stop() }
          seen.append(value)
        })
    }
    #expect(seen == [0, 1, 2, 3, 4])
  }

  @Test(arguments: [0, 1, 5, 100])
  func updatingChangesEachElementInPlaceAsALoopWould(count: Int) {
    // Elements that own storage: each is changed where it is, on the cores.
    var arrays = (0..<count).map { Array(0..<$0) }
    var expected = arrays
    for index in expected.indices { expected[index].append(index * 7) }
    Parallel.updating(&arrays) { elements in
      #expect(elements.count == count)
      _ = Parallel.map(count) { index in elements[index].append(index * 7) }
    }
    #expect(arrays == expected)
  }

  @Test func updatingReturnsTheBodysResult() {
    var values = [1, 2, 3]
    let sum = Parallel.updating(&values) { elements in
      Parallel.map(elements.count) { index in
        elements[index] *= 10
        return elements[index]
      }.reduce(0, +)
    }
    #expect(sum == 60)
    #expect(values == [10, 20, 30])
  }

  @Test(arguments: [(0, 4), (1, 4), (10, 3), (10, 40)])
  func mapTakingGivesEachRunItsElementsInOrder(count: Int, pieces: Int) {
    let arrays = (0..<count).map { Array(0..<$0) }
    let sums = Parallel.map(taking: arrays, pieces: pieces) { range, elements in
      range.map { index -> Int in
        elements[index].append(1)
        return elements[index].reduce(0, +)
      }
    }.flatMap { $0 }
    #expect(sums == (0..<count).map { $0 * ($0 - 1) / 2 + 1 })
  }

  @Test(arguments: [0, 1, 2, 7, 64])
  func mapClaimedKeepsTheOrderOfTheIndices(count: Int) {
    #expect(Parallel.mapClaimed(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
  }

  @Test func mapClaimedInsideOtherParallelWorkGetsHelp() {
    // The first piece waits for the second: a lone thread, claiming them in order, would wait
    // for ever (here, ten seconds). A helper from the pool, free once the other half of
    // `both` is done, claims the second piece and lets the first finish.
    let (finished, _) = Parallel.both(
      {
        let second = DispatchSemaphore(value: 0)
        return Parallel.mapClaimed(2) { index -> Bool in
          if index == 1 {
            second.signal()
            return true
          }
          return second.wait(timeout: .now() + 10) == .success
        }
      }, { 0 })
    #expect(finished == [true, true])
  }
}
