/// How a map's stages follow each other: for each stage (by position), the stages that may come next. A map
/// without forks is a line; a fork gives a stage several successors, and the branches meet again at a stage with
/// several predecessors.
public struct StageGraph: Sendable, Hashable {
    /// `next[i]`: the positions of the stages that may follow stage `i`, in file order.
    public var next: [[Int]]

    public init(next: [[Int]]) {
        self.next = next
    }

    /// Each stage followed by the next one in the file.
    public static func line(count: Int) -> StageGraph {
        StageGraph(next: (0..<count).map { $0 + 1 < count ? [$0 + 1] : [] })
    }

    /// Every path from the first stage to a stage with no successor, each as stage positions.
    public var paths: [[Int]] {
        guard !next.isEmpty else { return [] }
        var result: [[Int]] = []
        func walk(_ path: [Int]) {
            let successors = next[path.last!]
            if successors.isEmpty { result.append(path) }
            for successor in successors where !path.contains(successor) { walk(path + [successor]) }
        }
        walk([0])
        return result
    }
}

extension Journey {
    /// How the map's stages follow each other: in file order, until branches exist in the format.
    public var flow: StageGraph { .line(count: stages.count) }
}
