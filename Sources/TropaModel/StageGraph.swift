/// How a map's stages follow each other: where a customer may start, and for each stage (by position) the stages
/// that may come next. A map without forks is a line; a fork gives a stage several successors (or the map several
/// starts), and the branches meet again at a stage with several predecessors.
public struct StageGraph: Sendable, Hashable {
    /// The stages a customer may start at: the first, or the first stage of each branch of a fork that opens the map.
    public var starts: [Int]
    /// `next[i]`: the positions of the stages that may follow stage `i`, in file order.
    public var next: [[Int]]

    public init(starts: [Int]? = nil, next: [[Int]]) {
        self.starts = starts ?? (next.isEmpty ? [] : [0])
        self.next = next
    }

    /// Each stage followed by the next one in the file.
    public static func line(count: Int) -> StageGraph {
        StageGraph(next: (0..<count).map { $0 + 1 < count ? [$0 + 1] : [] })
    }

    /// The flow that stages' branch labels give (`## Визит в шоурум {Офлайн}`, nil for a shared stage): consecutive
    /// stages with one label are a branch; adjacent branches are a fork, which starts after the shared stage before
    /// it and meets again at the shared stage after it (or the map starts or ends with it). A fork of one branch
    /// between two shared stages is a detour that may be skipped. Labels compare like names (`{Онлайн}` is
    /// `{онлайн}`); a label that returns within a fork starts another branch (the parser reports it).
    public init(branches labels: [String?]) {
        let branches = labels.map { $0.map { NameKey($0).value } }
        let count = branches.count
        guard branches.contains(where: { $0 != nil }) else {
            self = .line(count: count)
            return
        }
        // Runs of stages with one label (or none), as half-open ranges.
        var runs: [Range<Int>] = []
        for index in 0..<count {
            if let last = runs.last, branches[last.lowerBound] == branches[index] {
                runs[runs.count - 1] = last.lowerBound..<(index + 1)
            } else {
                runs.append(index..<(index + 1))
            }
        }
        // Groups: a shared run, or a fork of the labelled runs side by side, each with its first and last stages.
        var groups: [(entries: [Int], exits: [Int], detour: Bool)] = []
        var next = [[Int]](repeating: [], count: count)
        var run = 0
        while run < runs.count {
            var forkEnd = run
            if branches[runs[run].lowerBound] != nil {
                while forkEnd + 1 < runs.count, branches[runs[forkEnd + 1].lowerBound] != nil { forkEnd += 1 }
            }
            for range in runs[run...forkEnd] { for index in range.dropLast() { next[index].append(index + 1) } }
            // A lone branch with shared stages on both sides is a detour; at an end of the map it is the way.
            groups.append((runs[run...forkEnd].map(\.lowerBound), runs[run...forkEnd].map { $0.upperBound - 1 },
                           branches[runs[run].lowerBound] != nil && run == forkEnd && run > 0 && forkEnd + 1 < runs.count))
            run = forkEnd + 1
        }
        var starts: [Int] = []
        for (index, group) in groups.enumerated() {
            // Where the flow comes from: the group before, and around it when that one is a detour.
            var sources = [index - 1]
            if index > 0, groups[index - 1].detour { sources.append(index - 2) }
            for source in sources {
                if source < 0 { starts += group.entries } else { for exit in groups[source].exits { next[exit] += group.entries } }
            }
        }
        self.init(starts: Array(Set(starts)).sorted(), next: next.map { Array(Set($0)).sorted() })
    }

    /// The most paths listed: each fork multiplies them, and a page shows a funnel and a line per path.
    public static let pathLimit = 16

    /// The paths from a start to a stage with no successor, each as stage positions, in order; at most
    /// `pathLimit` of them.
    public var paths: [[Int]] {
        var result: [[Int]] = []
        func walk(_ path: [Int]) {
            guard result.count < Self.pathLimit else { return }
            let successors = next[path.last!]
            if successors.isEmpty { result.append(path) }
            for successor in successors where !path.contains(successor) { walk(path + [successor]) }
        }
        for start in starts { walk([start]) }
        return result
    }
}

extension Journey {
    /// How the map's stages follow each other, from their branch labels.
    public var flow: StageGraph { StageGraph(branches: stages.map(\.branch)) }
}
