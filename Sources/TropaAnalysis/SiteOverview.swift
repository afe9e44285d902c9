import TropaModel

/// What the site-wide analyses read of a map: its summary, its stages' figures and emotions, and its actions.
/// The site pages keep this of every map (from the build record on a rebuild), never the parsed map.
public protocol MapOverview {
    var summary: JourneySummary { get }
    var stages: [StageFacts] { get }
    /// The average score of each stage, nil for a stage without one.
    var stageEmotions: [Double?] { get }
    var actions: [PlanAction] { get }
}

extension MapOverview {
    /// The stage with the lowest conversion, the first of a tie; nil without any conversion.
    public var lowestConversionStage: Int? {
        stages.indices.filter { stages[$0].figures.conversion != nil }
            .min { stages[$0].figures.conversion!.value < stages[$1].figures.conversion!.value }
    }
}

/// How a product and segment pair ranks: the priority the team gave it first, then its potential revenue.
public struct PairRank: Comparable, Sendable {
    public var priority: Priority?
    public var revenue: Double?

    public init(priority: Priority?, revenue: Double?) {
        self.priority = priority
        self.revenue = revenue
    }

    /// The highest priority and the total revenue of several maps.
    public init(_ summaries: some Sequence<JourneySummary>) {
        var priority: Priority?, revenue: Double?
        for summary in summaries {
            if let given = summary.priority { priority = min(priority ?? given, given) }
            if let given = summary.revenue { revenue = (revenue ?? 0) + given }
        }
        self.init(priority: priority, revenue: revenue)
    }

    /// `a < b` when `a` comes first: a higher priority, then a higher revenue; a pair without either comes last.
    public static func < (a: PairRank, b: PairRank) -> Bool {
        let (pa, pb) = (a.priority?.rank ?? Priority.allCases.count, b.priority?.rank ?? Priority.allCases.count)
        if pa != pb { return pa < pb }
        return (a.revenue ?? -1) > (b.revenue ?? -1)
    }
}

/// The stages of several maps laid side by side: one column per stage name (with its branch), in the order the maps
/// give them. A stage found in an earlier map keeps its column; a new one goes right after the column of the stage
/// before it in its own map, so each map's stages stay in its order and a renamed stage stands beside the name it
/// replaced.
public struct StageAlignment: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// The name as the first map that has the stage writes it, with its branch (`Оплата (Онлайн)`).
        public var name: String
        public var key: StageID
    }

    public var columns: [Column]
    /// For each map, for each column, the index of its stage there; nil where the map has no such stage.
    public var stageAt: [[Int?]]

    public init(_ maps: [[StageFacts]]) {
        var columns: [Column] = []
        for stages in maps {
            var previous: Int?
            for stage in stages {
                let key = StageID(name: stage.name, branch: stage.branch)
                if let found = columns.firstIndex(where: { $0.key == key }) {
                    previous = found
                } else {
                    // A map's first stages, before any it shares, go first.
                    let place = previous.map { $0 + 1 } ?? 0
                    columns.insert(Column(name: stage.displayName, key: key), at: place)
                    previous = place
                }
            }
        }
        self.columns = columns
        stageAt = maps.map { stages in
            let index = Dictionary(stages.enumerated().map { (StageID(name: $1.name, branch: $1.branch), $0) },
                                   uniquingKeysWith: { first, _ in first })
            return columns.map { index[$0.key] }
        }
    }
}

/// Products as rows and segments as columns, each cell the maps of that pair: what a team reads to choose which pair
/// to map or improve first. Rows, columns and the maps of a cell are in `PairRank` order, then by name; maps without
/// a product (or segment) come last.
public struct SegmentMatrix: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var product: String?
        /// For each of the matrix's segments, the indices of its maps; empty for a pair with no map yet.
        public var cells: [[Int]]
    }

    public var segments: [String?]
    public var rows: [Row]

    public init(_ maps: [JourneySummary]) {
        let ranked = { (indices: [Int]) in PairRank(indices.map { maps[$0] }) }
        func order(_ groups: [String?: [Int]]) -> [String?] {
            groups.keys.map { (key: $0, rank: ranked(groups[$0]!)) }.sorted { a, b in
                if (a.key == nil) != (b.key == nil) { return b.key == nil }
                if a.rank != b.rank { return a.rank < b.rank }
                return NameKey(a.key ?? "").value < NameKey(b.key ?? "").value
            }.map(\.key)
        }
        let segments = order(Dictionary(grouping: maps.indices, by: { maps[$0].segment }))
        let byProduct = Dictionary(grouping: maps.indices, by: { maps[$0].product })
        self.segments = segments
        rows = order(byProduct).map { product in
            let bySegment = Dictionary(grouping: byProduct[product]!, by: { maps[$0].segment })
            return Row(product: product, cells: segments.map { segment in
                (bySegment[segment] ?? []).sorted { a, b in
                    let (ra, rb) = (PairRank([maps[a]]), PairRank([maps[b]]))
                    if ra != rb { return ra < rb }
                    return (NameKey(maps[a].title).value, maps[a].slug) < (NameKey(maps[b].title).value, maps[b].slug)
                }
            })
        }
    }
}

/// Every action of every map, grouped by kind and then by owner, the actions of the most painful stages first:
/// the lowest emotion, then the lowest conversion.
public struct ActionPlan: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The map's index among those the plan was made of.
        public var map: Int
        public var action: PlanAction
        public var emotion: Double?
        public var conversion: Figure?
    }

    public struct OwnerGroup: Sendable, Equatable {
        public var owner: String?
        public var entries: [Entry]
    }

    public struct KindGroup: Sendable, Equatable {
        public var kind: String?
        public var owners: [OwnerGroup]
    }

    public var kinds: [KindGroup]

    public var count: Int { kinds.reduce(0) { $0 + $1.owners.reduce(0) { $0 + $1.entries.count } } }

    /// `kindOrder`: the kinds the schema declares, which come first, in its order; other kinds follow by name.
    public init(_ maps: [some MapOverview], kindOrder: [String] = []) {
        var entries: [Entry] = []
        for (index, map) in maps.enumerated() {
            for action in map.actions where map.stages.indices.contains(action.stage) {
                entries.append(Entry(map: index, action: action, emotion: map.stageEmotions[safe: action.stage] ?? nil,
                                     conversion: map.stages[action.stage].figures.conversion))
            }
        }
        let titles = maps.map { NameKey($0.summary.title).value }
        // Stable: a stage's actions keep their order, and the maps theirs.
        let painful = entries.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if let order = Self.ascending(x.emotion, y.emotion) { return order }
            if let order = Self.ascending(x.conversion?.value, y.conversion?.value) { return order }
            if titles[x.map] != titles[y.map] { return titles[x.map] < titles[y.map] }
            return a.offset < b.offset
        }.map(\.element)
        let declared = Dictionary(kindOrder.enumerated().map { (NameKey($1).value, $0) }, uniquingKeysWith: { first, _ in first })
        let byKind = Dictionary(grouping: painful, by: \.action.kind)
        kinds = byKind.keys.sorted { a, b in
            guard let a else { return false }
            guard let b else { return true }
            let (da, db) = (declared[NameKey(a).value] ?? Int.max, declared[NameKey(b).value] ?? Int.max)
            return da != db ? da < db : (NameKey(a).value, a) < (NameKey(b).value, b)
        }.map { kind in
            let byOwner = Dictionary(grouping: byKind[kind]!, by: \.action.owner)
            return KindGroup(kind: kind, owners: byOwner.keys.sorted { a, b in
                guard let a else { return false }
                guard let b else { return true }
                return (NameKey(a).value, a) < (NameKey(b).value, b)
            }.map { OwnerGroup(owner: $0, entries: byOwner[$0]!) })
        }
    }

    /// The order of two optional figures, lowest first and missing last; nil when they are equal.
    private static func ascending(_ a: Double?, _ b: Double?) -> Bool? {
        switch (a, b) {
        case let (a?, b?): a == b ? nil : a < b
        case (_?, nil): true
        case (nil, _?): false
        case (nil, nil): nil
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
