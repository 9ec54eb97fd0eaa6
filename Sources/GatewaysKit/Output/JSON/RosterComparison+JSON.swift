extension RosterComparison {
  /// The version of the JSON schema ``json()`` writes; bumped only when a key changes meaning or
  /// disappears. It is the comparison's own, independent of `analyse`'s.
  public static let schemaVersion = 1

  /// The comparison as JSON, schema version 1 (documented in `Documentation/Compare.md`).
  ///
  /// With two terms, one object: `schemaVersion`, `terms` (the labels), `from`, `to`, then the
  /// changes (`teams`, `memberships`, `staff`, `silos`, `islands`, `keyPeople`,
  /// `leaderOnlyLinks`, `links`, `uninvolved`, `scores`) and, with a plan, `plan`. With more,
  /// `schemaVersion`, `terms`, `steps` (one such object of changes per consecutive pair, each
  /// with its `from` and `to`) and `plan`. Keys in a fixed order, ids sorted, so the same
  /// rosters give the same bytes.
  ///
  /// ```swift
  /// let json = comparison.json()
  /// ```
  ///
  /// - Complexity: O(n) in the size of the changes.
  public func json() -> String { jsonValue().serialized() }

  package func jsonValue() -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("schemaVersion", .int(Self.schemaVersion)),
      ("terms", .strings(terms.map(\.label))),
    ]
    if steps.count == 1 {
      fields += stepFields(0)
    } else {
      fields.append(("steps", .array(steps.indices.map { .object(stepFields($0)) })))
    }
    if let plan {
      fields.append(("plan", plan.jsonValue(from: terms[0].label, to: terms[1].label)))
    }
    return .object(fields)
  }

  private func stepFields(_ index: Int) -> [(String, JSONValue)] {
    let step = steps[index]
    func memberships(_ list: [TermChanges.Membership]) -> JSONValue {
      .array(list.map { .object([("staff", .string($0.staff)), ("team", .string($0.team))]) })
    }
    func pairs(_ list: [TermChanges.TeamPair]) -> JSONValue {
      .array(list.map { .strings([$0.first, $0.second]) })
    }
    func lists(_ list: [[String]]) -> JSONValue { .array(list.map { .strings($0) }) }
    let islands = step.islands
    return [
      ("from", .string(terms[index].label)),
      ("to", .string(terms[index + 1].label)),
      (
        "teams",
        .object([("added", .strings(step.teamsAdded)), ("removed", .strings(step.teamsRemoved))])
      ),
      (
        "memberships",
        .object([("joined", memberships(step.joined)), ("left", memberships(step.left))])
      ),
      (
        "staff",
        .object([("joined", .strings(step.staffJoined)), ("left", .strings(step.staffLeft))])
      ),
      (
        "silos",
        .object([
          ("resolved", .strings(step.silosResolved)), ("new", .strings(step.silosNew)),
          ("remaining", .strings(step.silosRemaining)), ("removed", .strings(step.silosRemoved)),
        ])
      ),
      (
        "islands",
        .object([
          (
            "merged",
            .array(
              islands.merged.map {
                .object([
                  ("teams", .strings($0.island)), ("intoMainGroup", .bool($0.intoMainGroup)),
                ])
              })
          ),
          (
            "split",
            .array(
              islands.split.map {
                .object([
                  ("teams", .strings($0.group)), ("wasMainGroup", .bool($0.wasMainGroup)),
                  ("parts", lists($0.parts)),
                ])
              })
          ),
          ("new", lists(islands.new)),
          ("remaining", lists(islands.remaining)),
        ])
      ),
      (
        "keyPeople",
        .object([
          ("gained", .strings(step.keyPeopleGained)), ("lost", .strings(step.keyPeopleLost)),
        ])
      ),
      (
        "leaderOnlyLinks",
        .object([
          ("gained", pairs(step.leaderOnlyLinksGained)), ("lost", pairs(step.leaderOnlyLinksLost)),
        ])
      ),
      ("links", .object([("gained", pairs(step.linksGained)), ("lost", pairs(step.linksLost))])),
      (
        "uninvolved",
        .object([
          ("gotATeam", .strings(step.gotATeam)), ("lostEveryTeam", .strings(step.lostEveryTeam)),
        ])
      ),
      ("scores", step.scores.jsonValue()),
    ]
  }
}

extension ScoreChanges {
  package func jsonValue() -> JSONValue {
    func score(_ change: ScoreChange) -> JSONValue {
      .object([
        ("before", .number(change.before)), ("after", .number(change.after)),
        ("change", .number(change.change)),
      ])
    }
    return .object([
      ("coverage", score(coverage)),
      (
        "cohesion",
        .object(
          Deep.allCases.map {
            ($0.rawValue, score(cohesion[$0] ?? ScoreChange(before: nil, after: nil)))
          })
      ),
      ("interDeep", score(interDeep)),
      ("complementarity", score(complementarity)),
      ("professional", score(professional)),
      ("institutional", score(institutional)),
      ("balance", score(balance)),
      (
        "quadrant",
        .object([
          ("before", .string(quadrantBefore?.rawValue)),
          ("after", .string(quadrantAfter?.rawValue)),
        ])
      ),
    ])
  }
}

extension PlanFollowUp {
  package func jsonValue(from: String, to: String) -> JSONValue {
    .object([
      ("file", .string(file)),
      ("from", .string(from)),
      ("to", .string(to)),
      ("total", .int(total)),
      ("carriedOut", .int(count(.carriedOut))),
      ("doneOtherwise", .int(count(.doneOtherwise))),
      ("notDone", .int(count(.notDone))),
      ("moot", .int(count(.moot))),
      ("unfitting", .int(unfitting)),
      (
        "suggestions",
        .array(
          items.map { item in
            .object([
              ("staff", .string(item.suggestion.staff)),
              ("team", .string(item.suggestion.team)),
              ("links", .strings(item.suggestion.links)),
              ("kind", .string(item.suggestion.kind.rawValue)),
              ("outcome", .string(item.outcome.rawValue)),
              (
                "by",
                .array(
                  item.by.map {
                    .object([("staff", .string($0.staff)), ("team", .string($0.team))])
                  })
              ),
            ])
          })
      ),
    ])
  }
}
