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
    /// it and meets again at the shared stage after it (or the map starts or ends with it). A fork of one branch is
    /// a detour that may be skipped. A label that returns within a fork starts another branch (the parser reports it).
    public init(branches: [String?]) {
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
        var next = [[Int]](repeating: [], count: count)
        var starts: [Int] = []
        var run = 0
        while run < runs.count {
            let shared = branches[runs[run].lowerBound] == nil
            var forkEnd = run
            if !shared { while forkEnd + 1 < runs.count, branches[runs[forkEnd + 1].lowerBound] != nil { forkEnd += 1 } }
            let entries = shared ? [runs[run].lowerBound] : runs[run...forkEnd].map(\.lowerBound)
            let exits = shared ? [runs[run].upperBound - 1] : runs[run...forkEnd].map { $0.upperBound - 1 }
            let before = run > 0 ? runs[run - 1].upperBound - 1 : nil
            let after = forkEnd + 1 < runs.count ? runs[forkEnd + 1].lowerBound : nil
            for range in runs[run...forkEnd] { for index in range.dropLast() { next[index].append(index + 1) } }
            if let before { next[before] += entries } else { starts += entries }
            if let after { for exit in exits { next[exit].append(after) } }
            // A lone branch is a detour: the flow may also go around it.
            if !shared, run == forkEnd, let after {
                if let before { next[before].append(after) } else { starts.append(after) }
            }
            run = forkEnd + 1
        }
        self.init(starts: starts, next: next.map { $0.sorted() })
    }

    /// Every path from a start to a stage with no successor, each as stage positions.
    public var paths: [[Int]] {
        var result: [[Int]] = []
        func walk(_ path: [Int]) {
            let successors = next[path.last!]
            if successors.isEmpty { result.append(path) }
            for successor in successors where !path.contains(successor) { walk(path + [successor]) }
        }
        for start in starts { walk([start]) }
        return result
    }

    /// Whether the map forks at all.
    public var isLine: Bool { self == .line(count: next.count) }
}

extension Journey {
    /// How the map's stages follow each other, from their branch labels.
    public var flow: StageGraph { StageGraph(branches: stages.map(\.branch)) }
}
