import TropaModel

/// Where a stage falls when its NPS is read against its conversion, each split at the map's average over the
/// stages that have both (a value equal to the average counts as high).
public enum Quadrant: String, Sendable, Hashable, CaseIterable {
    /// Conversion and NPS both at or above the map's averages: look for more customers like these.
    case bothHigh = "both-high"
    /// Customers like it, but competitors probably do better: save the customer's time or money.
    case npsHighConversionLow = "nps-high-conversion-low"
    /// Something unique keeps customers despite their dissatisfaction: the ideal growth point.
    case npsLowConversionHigh = "nps-low-conversion-high"
    /// Conversion and NPS both below the map's averages: change everything here.
    case bothLow = "both-low"

    /// Whether the stage's NPS is at or above the map's average.
    public var npsHigh: Bool { self == .bothHigh || self == .npsHighConversionLow }

    public init(npsHigh: Bool, conversionHigh: Bool) {
        self = switch (npsHigh, conversionHigh) {
        case (true, true): .bothHigh
        case (true, false): .npsHighConversionLow
        case (false, true): .npsLowConversionHigh
        case (false, false): .bothLow
        }
    }
}

/// The map's averages over the stages with both an NPS and a conversion.
public struct QuadrantSplit: Sendable, Hashable {
    public var conversion: Double
    public var nps: Double
}

/// The evaluation of a map: its funnel, its weakest stage, NPS read against conversion, the sharpest pain and
/// drops of its curve, and the length of the journey. Computed from the facts alone, so a page, the dashboard
/// (from recorded facts) and `tropa report` read one calculation.
public struct JourneyEvaluation: Sendable, Hashable {
    /// A stage of the funnel. Percentages run from 0 to 100.
    public struct FunnelStep: Sendable, Hashable {
        public var stage: Int
        /// The share of this stage's customers who go on to the next; nil when the map does not say.
        public var conversion: Figure?
        /// The share of the customers who entered the first stage that arrive here; nil past a stage without a
        /// conversion, where the chain is broken.
        public var reach: Double?
        /// The customers arriving here, when the map gives its audience.
        public var people: Double?
        /// The customers lost between this stage and the next.
        public var lost: Double?
    }

    /// One way through a branched map: the shared stages and one branch of each fork.
    public struct Path: Sendable, Hashable {
        /// The stages in the order a customer meets them.
        public var stages: [Int]
        /// The labels of the branches it takes, in order.
        public var branches: [String]
        /// One step per stage of the path; empty when no stage of the map has a conversion.
        public var funnel: [FunnelStep]
        /// The share of the entering customers who go all the way along this path.
        public var finalReach: Double?
        /// The stage of the path with the lowest conversion (two stages with one needed).
        public var weakestStage: Int?
    }

    public struct Timeline: Sendable, Hashable {
        /// Each stage's length in seconds, nil for a stage without a duration.
        public var seconds: [Double?]
        /// When each stage starts, in seconds from the start of the journey: when the stages before it in the flow
        /// end (alternatives start together).
        public var starts: [Double]
        /// The longest way through.
        public var totalSeconds: Double
        /// The largest unit the map writes durations in: the total is said in it.
        public var unit: DurationUnit
        /// Some duration is a range, counted by its midpoint.
        public var isEstimate: Bool
        /// The stages of the longest way, in order: what the total adds up.
        public var longestWay: [Int]
        public var stagesWithDuration: Int { longestWay.count { seconds[$0] != nil } }
    }

    /// Every way through the map: one for a map without forks.
    public var paths: [Path]
    /// One step per stage in file order, its reach the one every path through it agrees on (after a fork the
    /// paths differ: see `paths`); empty when no stage has a conversion.
    public var funnel: [FunnelStep]
    /// The share of the entering customers who go through every stage: the reach after the last one; for a
    /// branched map, that of the path that lets the fewest through.
    public var finalReach: Double?
    /// The least share of the entering customers known to get somewhere: the final reach when the chain is whole,
    /// and at most what gets through when it breaks (stages without a conversion), so maps can still be ordered.
    public var reachBound: Double?
    /// The stage with the lowest conversion, the first one on a tie; nil unless two stages have a conversion.
    public var weakestStage: Int?
    /// The stage of the curve's lowest point, the first one on a tie (see `sharpestPain(on:)`).
    public var lowestStage: Int?
    /// The position in the first emotion series of that point.
    public var lowestPoint: Int?
    private var pointCount: Int
    /// The reading of each stage, when at least two stages have both an NPS and a conversion.
    public var quadrants: [Quadrant?]
    /// The averages the quadrants split at.
    public var quadrantSplit: QuadrantSplit?
    /// Falls of two points or more between consecutive points of the curve, along the flow (on a branched map,
    /// along each path, each fall once), as indexes into the first emotion series.
    public var sharpDrops: [Drop]

    public struct Drop: Sendable, Hashable {
        public var from: Int
        public var to: Int
    }
    /// The mean of each stage's emotion scores, nil for a stage without one.
    public var stageEmotions: [Double?]
    public var averageNPS: Double?
    public var lowestEmotion: Double?
    public var timeline: Timeline?

    /// The fall between consecutive emotion points that marks a sharp drop.
    public static let sharpDrop = 2.0

    /// The mean of each stage's scores in the first of `emotions`, nil for a stage without one: what the plan
    /// shows of a map without the rest of its evaluation.
    public static func stageEmotions(_ emotions: [EmotionSeries], stageCount: Int) -> [Double?] {
        var sums = [(total: Double, count: Int)](repeating: (0, 0), count: stageCount)
        for point in emotions.first?.points ?? [] where sums.indices.contains(point.stage) {
            sums[point.stage].total += point.score
            sums[point.stage].count += 1
        }
        return sums.map { $0.count == 0 ? nil : $0.total / Double($0.count) }
    }

    public init(_ facts: JourneyFacts) {
        let stages = facts.stages
        let weakest = { (indices: [Int]) -> Int? in
            // The lowest of one is no finding: it takes two stages with a conversion to name the weakest.
            let converting = indices.filter { stages[$0].figures.conversion != nil }
            return converting.count < 2 ? nil
                : converting.min { stages[$0].figures.conversion!.value < stages[$1].figures.conversion!.value }
        }
        let converts = stages.contains { $0.figures.conversion != nil }
        let paths = facts.flow.paths.map { stagesOfPath in
            let funnel = converts ? Self.funnel(stagesOfPath, facts) : []
            return Path(stages: stagesOfPath, branches: Self.labels(stagesOfPath, stages), funnel: funnel,
                        finalReach: funnel.last.flatMap(Self.passed), weakestStage: weakest(stagesOfPath))
        }
        self.paths = paths
        // Each path's step of a stage, looked up rather than searched: a map may have thousands of stages.
        let stepOf = paths.map { path in Dictionary(path.funnel.map { ($0.stage, $0) }, uniquingKeysWith: { first, _ in first }) }
        funnel = converts ? stages.indices.map { index in
            let steps = stepOf.compactMap { $0[index] }
            let agreed = steps.first.flatMap { first in steps.allSatisfy { $0.reach == first.reach } ? first : nil }
            return agreed ?? FunnelStep(stage: index, conversion: stages[index].figures.conversion, reach: nil,
                                        people: nil, lost: nil)
        } : []
        // Over every path, however many forks multiply them (only `pathLimit` are listed).
        finalReach = converts ? Self.leastReach(facts) : nil
        // The first stage's 100 % says nothing of what gets through.
        reachBound = paths.flatMap(\.funnel).flatMap { step in
            [step.reach == 100 ? nil : step.reach, Self.passed(step)]
        }.compactMap { $0 }.min()
        weakestStage = weakest(Array(stages.indices))
        let points = facts.emotions.first?.points ?? []
        lowestPoint = points.indices.min { points[$0].score < points[$1].score }
        lowestStage = lowestPoint.map { points[$0].stage }
        pointCount = points.count
        lowestEmotion = points.map(\.score).min()
        var drops: [Drop] = []
        for path in paths {
            let onPath = Set(path.stages)
            let along = points.indices.filter { onPath.contains(points[$0].stage) }
            for (from, to) in zip(along, along.dropFirst())
            where points[from].score - points[to].score >= Self.sharpDrop && !drops.contains(Drop(from: from, to: to)) {
                drops.append(Drop(from: from, to: to))
            }
        }
        sharpDrops = drops.sorted { ($0.to, $0.from) < ($1.to, $1.from) }
        stageEmotions = Self.stageEmotions(facts.emotions, stageCount: stages.count)
        let npsValues = stages.compactMap { $0.figures.nps?.value }
        averageNPS = npsValues.isEmpty ? nil : npsValues.reduce(0, +) / Double(npsValues.count)
        let both = stages.indices.filter { stages[$0].figures.nps != nil && stages[$0].figures.conversion != nil }
        quadrants = Array(repeating: nil, count: stages.count)
        if both.count >= 2 {
            let conversion = both.map { stages[$0].figures.conversion!.value }.reduce(0, +) / Double(both.count)
            let nps = both.map { stages[$0].figures.nps!.value }.reduce(0, +) / Double(both.count)
            quadrantSplit = QuadrantSplit(conversion: conversion, nps: nps)
            for index in both {
                // Equal to the average counts as high, also when the mean's arithmetic lands a hair above it.
                quadrants[index] = Quadrant(npsHigh: Self.atLeast(stages[index].figures.nps!.value, nps),
                                            conversionHigh: Self.atLeast(stages[index].figures.conversion!.value, conversion))
            }
        }
        timeline = Self.timeline(stages, flow: facts.flow)
    }

    /// The stage of the curve's lowest point when it is a pain: below the middle of `scale`, on a curve of two
    /// points or more (one point is the lowest of nothing, and a low point of a happy curve no pain).
    public func sharpestPain(on scale: ClosedRange<Double>) -> Int? {
        guard pointCount >= 2, let lowest = lowestEmotion, lowest < (scale.lowerBound + scale.upperBound) / 2 else {
            return nil
        }
        return lowestStage
    }

    /// The sharpest pain as the page marks it (its header, its ring on the curve, its advice): only apart from the
    /// weakest stage, which is marked already.
    public func markedPain(on scale: ClosedRange<Double>) -> Int? {
        sharpestPain(on: scale).flatMap { $0 == weakestStage ? nil : $0 }
    }

    /// Reach is carried along the path: each stage's customers are those the stage before passes on.
    private static func funnel(_ path: [Int], _ facts: JourneyFacts) -> [FunnelStep] {
        var steps: [FunnelStep] = []
        for index in path {
            let reach = steps.last.map(passed) ?? 100
            let conversion = facts.stages[index].figures.conversion
            let people = facts.summary.audience.flatMap { audience in reach.map { audience * $0 / 100 } }
            let lost = people.flatMap { people in conversion.map { people * (1 - $0.value / 100) } }
            steps.append(FunnelStep(stage: index, conversion: conversion, reach: reach, people: people, lost: lost))
        }
        return steps
    }

    /// Whether `value` is at least `average`, allowing for the rounding of a mean.
    private static func atLeast(_ value: Double, _ average: Double) -> Bool {
        value >= average - 1e-9 * max(1, abs(average))
    }

    /// The least share of the entering customers who get all the way along any path, carried stage by stage in file
    /// order (every stage comes after those that lead to it); nil when a path has a stage without a conversion.
    private static func leastReach(_ facts: JourneyFacts) -> Double? {
        let stages = facts.stages, flow = facts.flow
        var reach = [Double??](repeating: .none, count: stages.count)
        for start in flow.starts { reach[start] = .some(100) }
        var least: Double?? = .none
        for index in stages.indices {
            guard case .some(let arriving) = reach[index] else { continue }
            let passing = arriving.flatMap { share in stages[index].figures.conversion.map { share * $0.value / 100 } }
            let targets = flow.next[index]
            if targets.isEmpty { least = Self.lower(least, passing) }
            for target in targets { reach[target] = Self.lower(reach[target], passing) }
        }
        return least ?? nil
    }

    /// The lower of two shares where an unknown one (nil) makes the result unknown and a missing one (none) counts
    /// for nothing.
    private static func lower(_ known: Double??, _ share: Double?) -> Double?? {
        guard case .some(let current) = known else { return .some(share) }
        guard let current, let share else { return .some(nil) }
        return .some(min(current, share))
    }

    /// The share that goes on past a step: its reach times its conversion.
    private static func passed(_ step: FunnelStep) -> Double? {
        step.reach.flatMap { reach in step.conversion.map { reach * $0.value / 100 } }
    }

    /// The branch labels along a path, each once.
    private static func labels(_ path: [Int], _ stages: [StageFacts]) -> [String] {
        var labels: [String] = []
        for index in path { if let label = stages[index].branch, labels.last != label { labels.append(label) } }
        return labels
    }

    private static func timeline(_ stages: [StageFacts], flow: StageGraph) -> Timeline? {
        let durations = stages.map(\.figures.duration)
        let seconds = durations.map { $0?.seconds }
        let units = durations.compactMap { figure -> DurationUnit? in
            guard case .duration(let unit)? = figure?.unit else { return nil }
            return unit
        }
        guard let unit = units.max(by: { $0.seconds < $1.seconds }) else { return nil }
        // In file order every stage comes after those that lead to it, so one pass places them all.
        var starts = [Double](repeating: 0, count: stages.count)
        for (from, next) in flow.next.enumerated() {
            for to in next { starts[to] = max(starts[to], starts[from] + (seconds[from] ?? 0)) }
        }
        let ends = stages.indices.map { starts[$0] + (seconds[$0] ?? 0) }
        let total = ends.max() ?? 0
        // The longest way, back from where it ends: each stage's predecessor is the one it starts after.
        // Each stage's predecessors, found once: a map may have thousands of stages.
        var before = [[Int]](repeating: [], count: stages.count)
        for (from, next) in flow.next.enumerated() { for to in next { before[to].append(from) } }
        var longestWay: [Int] = []
        // The last stage to end then: a stage without a duration that ends the journey is on its way too.
        var current = ends.lastIndex(of: total)
        while let stage = current {
            longestWay.append(stage)
            current = before[stage].first { ends[$0] == starts[stage] }
        }
        return Timeline(seconds: seconds, starts: starts, totalSeconds: total, unit: unit,
                        isEstimate: durations.contains { $0?.range != nil }, longestWay: longestWay.reversed())
    }
}

extension MetricRole {
    /// Whether `value` falls short of `target` for a metric of `role`: a duration above its target, anything else
    /// (a metric without a role too) below it.
    public static func misses(_ value: Double, target: Double, role: MetricRole?) -> Bool {
        role == .duration ? value > target : value < target
    }
}

extension Figure {
    /// Whether the value falls short of its target.
    public func missesTarget(as role: MetricRole) -> Bool {
        target.map { MetricRole.misses(value, target: $0, role: role) } ?? false
    }
}

/// A barrier or a negative experience item, with the stage it belongs to and how much that stage hurts.
public struct PainPoint: Sendable, Hashable {
    public var stage: Int
    public var text: RichText
    /// From 0 to 1: the mean of how low the stage's emotion lies on the scale and the share of customers lost
    /// there, of those the map gives.
    public var hurt: Double
}

extension JourneyAnalysis {
    /// The items of pain layers and the negative items of layers with tones, the most hurting stage first (file
    /// order on a tie, and within a stage).
    public func pains(of journey: Journey, evaluation: JourneyEvaluation) -> [PainPoint] {
        let scale = schema.scale
        var pains: [PainPoint] = []
        for (index, stage) in journey.stages.enumerated() {
            var terms: [Double] = []
            if let emotion = evaluation.stageEmotions[index] {
                terms.append((scale.upperBound - emotion) / (scale.upperBound - scale.lowerBound))
            }
            // The funnel's step of a stage carries the stage's own conversion.
            if let conversion = evaluation.funnel.isEmpty ? nil : evaluation.funnel[index].conversion {
                terms.append(1 - conversion.value / 100)
            }
            // A sum, so that a stage hurts more with each term it has: a low emotion and a loss above a low emotion.
            let hurt = terms.reduce(0, +)
            for definition in schema.layers where definition.kind == .list && (definition.pains || definition.tones) {
                guard case .list(let items)? = stage.layer(id: definition.id)?.content else { continue }
                // An item that is only markup (an HTML block) has no text to list.
                for item in items where (definition.pains || item.tone == .negative) && !item.text.plain.isEmpty {
                    pains.append(PainPoint(stage: index, text: item.text, hurt: hurt))
                }
            }
        }
        // A stable order: `sorted` alone does not keep the file order of equals.
        return pains.enumerated().sorted { ($1.element.hurt, $0.offset) < ($0.element.hurt, $1.offset) }.map(\.element)
    }
}

/// What the dashboard shows of a map: how many get through, where it loses the most, its average NPS and its
/// lowest emotion. Small, so that it can be compared from build to build to tell whether the dashboard changed.
public struct MapHeadline: Sendable, Hashable {
    public var finalReach: Double?
    public var reachBound: Double?
    /// The weakest stage's place in the map (a comparison marks it) and its name.
    public var weakestStageIndex: Int?
    public var weakestStage: String?
    public var weakestConversion: Figure?
    public var averageNPS: Double?
    public var lowestEmotion: Double?
    /// Every figure that misses its target, in stage order, then in the order of the roles.
    public var missedTargets: [MissedTarget]

    /// A figure of a stage that falls short of its target.
    public struct MissedTarget: Sendable, Hashable {
        public var stage: String
        public var role: MetricRole
        public var figure: Figure
    }

    public init(_ facts: JourneyFacts, evaluation: JourneyEvaluation) {
        finalReach = evaluation.finalReach
        reachBound = evaluation.reachBound
        weakestStageIndex = evaluation.weakestStage
        weakestStage = evaluation.weakestStage.map { facts.stages[$0].displayName }
        weakestConversion = evaluation.weakestStage.flatMap { facts.stages[$0].figures.conversion }
        averageNPS = evaluation.averageNPS
        lowestEmotion = evaluation.lowestEmotion
        missedTargets = facts.stages.flatMap { stage in
            stage.figures.roles.compactMap { role in
                stage.figures[role].flatMap { $0.missesTarget(as: role) ? MissedTarget(stage: stage.displayName, role: role, figure: $0) : nil }
            }
        }
    }
}
