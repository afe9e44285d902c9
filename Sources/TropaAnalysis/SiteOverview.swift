import TropaModel

/// What the site-wide analyses read of a map: its summary, its stages' figures and emotions, and its actions.
/// The site pages keep this of every map (from the build record on a rebuild), never the parsed map.
public protocol MapOverview {
    var summary: JourneySummary { get }
    var stages: [StageFacts] { get }
    /// The average score of each stage, nil for a stage without one.
    var stageEmotions: [Double?] { get }
    var actions: PlanActions { get }
}

extension MapOverview {
    /// The average score of the stage, nil for a stage without one or a stage the map does not have.
    public func emotion(ofStage stage: Int) -> Double? {
        stageEmotions.indices.contains(stage) ? stageEmotions[stage] : nil
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

    /// The rank of one product and segment pair from its maps (an as-is map and its to-be version, say): the highest
    /// priority and the largest revenue any of them gives, since each states the same pair's potential.
    public init(pair maps: some Sequence<JourneySummary>) {
        var priority: Priority?, revenue: Double?
        for map in maps {
            if let given = map.priority { priority = min(priority ?? given, given) }
            if let given = map.revenue { revenue = max(revenue ?? given, given) }
        }
        self.init(priority: priority, revenue: revenue)
    }

    /// The rank of a product (or segment) from its pairs: their highest priority and their total revenue.
    public init(pairs: some Sequence<PairRank>) {
        var priority: Priority?, revenue: Double?
        for pair in pairs {
            if let given = pair.priority { priority = min(priority ?? given, given) }
            if let given = pair.revenue { revenue = (revenue ?? 0) + given }
        }
        self.init(priority: priority, revenue: revenue)
    }

    /// Where a map stands in a cell or a comparison: by its pair's rank, then title and slug. Made once per map, so a
    /// sort of thousands of maps does not key their titles at every comparison.
    public struct MapOrder: Comparable, Sendable {
        let rank: PairRank
        let title: String
        let slug: String

        public init(_ map: JourneySummary) {
            self.init(title: map.title, slug: map.slug, priority: map.priority, revenue: map.revenue)
        }

        public init(title: String, slug: String, priority: Priority?, revenue: Double?) {
            (rank, self.title, self.slug) = (PairRank(priority: priority, revenue: revenue), NameKey(title).value, slug)
        }

        public static func < (a: MapOrder, b: MapOrder) -> Bool {
            a.rank != b.rank ? a.rank < b.rank : (a.title, a.slug) < (b.title, b.slug)
        }
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
/// to map or improve first. Names that slug alike (`B2B`, `b2b`) are one row or column, as they have one page. Rows
/// and columns are in `PairRank` order over their pairs, then by name; the maps of a cell by `PairRank.MapOrder`;
/// maps without a product (or segment) come last.
public struct SegmentMatrix: Sendable, Equatable {
    /// A row's product or a column's segment: its names as written (`B2B / b2b`) and its page's slug; nil for the
    /// maps without one.
    public struct Heading: Sendable, Equatable {
        public var name: String?
        public var slug: String?
    }

    public struct Row: Sendable, Equatable {
        public var product: Heading
        /// For each of the matrix's segments, the indices of its maps; empty for a pair with no map yet.
        public var cells: [[Int]]
        public var rank: PairRank
    }

    public var segments: [Heading]
    public var rows: [Row]

    public init(_ maps: [JourneySummary]) {
        let productOf = maps.map { $0.product.map(Slug.forName) }
        let segmentOf = maps.map { $0.segment.map(Slug.forName) }
        let pairs = Dictionary(grouping: maps.indices, by: { PairKey(product: productOf[$0], segment: segmentOf[$0]) })
        let order = maps.map(PairRank.MapOrder.init)
        let pairRank = pairs.mapValues { PairRank(pair: $0.map { maps[$0] }) }
        // The headings of one side (`side` picks it from a pair), ranked over their pairs.
        func headings(_ slugs: [String?], side: (PairKey) -> String?, names: (Int) -> String?) -> [(heading: Heading, rank: PairRank)] {
            Set(slugs).map { slug in
                let members = maps.indices.filter { slugs[$0] == slug }
                let name = slug == nil ? nil : Set(members.compactMap(names)).sorted().joined(separator: " / ")
                let rank = PairRank(pairs: pairRank.filter { side($0.key) == slug }.map(\.value))
                return (Heading(name: name, slug: slug), rank)
            }.sorted { a, b in
                if (a.heading.slug == nil) != (b.heading.slug == nil) { return b.heading.slug == nil }
                if a.rank != b.rank { return a.rank < b.rank }
                let (x, y) = (a.heading.name ?? "", b.heading.name ?? "")
                return (NameKey(x).value, x) < (NameKey(y).value, y)
            }
        }
        let columns = headings(segmentOf, side: \.segment) { maps[$0].segment }
        segments = columns.map(\.heading)
        rows = headings(productOf, side: \.product) { maps[$0].product }.map { row, rank in
            Row(product: row, cells: columns.map { column in
                (pairs[PairKey(product: row.slug, segment: column.heading.slug)] ?? []).sorted { order[$0] < order[$1] }
            }, rank: rank)
        }
    }

    private struct PairKey: Hashable {
        var product: String?
        var segment: String?
    }
}

/// Every action of every map, grouped by kind and then by owner, the actions of the most painful stages first:
/// the lowest emotion, then the lowest conversion.
public struct ActionPlan: Sendable, Equatable {
    /// An action by where it is: its map's place among the maps the plan was made of, and its own among the map's
    /// actions. The plan holds no texts, so that an update can lay it out again from a record of these numbers.
    public struct Entry: Sendable, Hashable {
        public var map: Int
        public var action: Int

        public init(map: Int, action: Int) {
            self.map = map
            self.action = action
        }
    }

    public struct OwnerGroup: Sendable, Equatable {
        public var owner: String?
        public var entries: [Entry]

        public init(owner: String?, entries: [Entry]) {
            self.owner = owner
            self.entries = entries
        }
    }

    public struct KindGroup: Sendable, Equatable {
        public var kind: String?
        public var owners: [OwnerGroup]

        public init(kind: String?, owners: [OwnerGroup]) {
            self.kind = kind
            self.owners = owners
        }
    }

    public var kinds: [KindGroup]

    public var count: Int { kinds.reduce(0) { $0 + $1.owners.reduce(0) { $0 + $1.entries.count } } }

    /// Every entry in the plan's order, kind by kind and owner by owner: the rows of its CSV. Read in place, not
    /// copied: a one-map rebuild read 140,000 of them three times.
    public var entries: some Sequence<Entry> { kinds.lazy.flatMap { $0.owners.lazy.flatMap(\.entries) } }

    /// A plan laid out before (the record's).
    public init(kinds: [KindGroup]) {
        self.kinds = kinds
    }

    /// `kindOrder`: the kinds the schema declares, which come first, in its order; other kinds follow by name.
    public init(_ maps: [some MapOverview], kindOrder: [String] = []) {
        var entries: [Entry] = []
        var keys: [SortKey] = []
        // Of their size at once: grown by doubling, the two were 18 MB at a build's peak for 140,000 actions.
        let count = maps.reduce(0) { $0 + $1.actions.count }
        entries.reserveCapacity(count)
        keys.reserveCapacity(count)
        // Each map's place in the order of titles (then of maps): 140,000 actions compare numbers, not titles.
        let titles = maps.map { NameKey($0.summary.title).value }
        var titleRank = [Int](repeating: 0, count: maps.count)
        for (rank, map) in maps.indices.sorted(by: { (titles[$0], $0) < (titles[$1], $1) }).enumerated() {
            titleRank[map] = rank
        }
        // Each action's kind and owner as a number, told as the actions are read: an action taken again to group
        // it copied its four texts, a reference count taken and dropped on each (most of laying out the plan).
        var kinds = GroupNames(), owners = GroupNames()
        var groupOf: [(kind: Int32, owner: Int32)] = []
        groupOf.reserveCapacity(count)
        for (index, map) in maps.enumerated() {
            let actions = map.actions, stages = map.stages
            for place in actions.indices where stages.indices.contains(actions.stage(at: place)) {
                let stage = actions.stage(at: place)
                entries.append(Entry(map: index, action: place))
                keys.append(SortKey(emotion: map.emotion(ofStage: stage), conversion: stages[stage].figures.conversion?.value,
                                    rank: titleRank[index]))
                groupOf.append((Int32(kinds.number(of: actions.kind(at: place))), Int32(owners.number(of: actions.owner(at: place)))))
            }
        }
        // Sorted by keys of numbers alone; stable: a stage's actions keep their order, and the maps theirs.
        let painful = entries.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if let order = Self.painfulFirst((x.emotion, x.conversion), (y.emotion, y.conversion)) { return order }
            return x.rank != y.rank ? x.rank < y.rank : a < b
        }
        // Each group of its size at once: grown by doubling, the plan kept up to twice the entries it holds.
        var sizes: [Int: [Int: Int]] = [:]
        for (kind, owner) in groupOf { sizes[Int(kind), default: [:]][Int(owner), default: 0] += 1 }
        var groups = sizes.mapValues { owners in
            owners.mapValues { size in
                var entries: [Entry] = []
                entries.reserveCapacity(size)
                return entries
            }
        }
        for index in painful {
            groups[Int(groupOf[index].kind)]![Int(groupOf[index].owner)]!.append(entries[index])
        }
        let declared = Dictionary(kindOrder.enumerated().map { (NameKey($1).value, $0) }, uniquingKeysWith: { first, _ in first })
        self.kinds = groups.keys.sorted { a, b in
            guard let a = kinds.named(a) else { return false }
            guard let b = kinds.named(b) else { return true }
            let (da, db) = (declared[a.key] ?? Int.max, declared[b.key] ?? Int.max)
            return da != db ? da < db : (a.key, a.name) < (b.key, b.name)
        }.map { kind in
            let byOwner = groups[kind]!
            return KindGroup(kind: kinds.named(kind)?.name, owners: byOwner.keys.sorted { a, b in
                guard let a = owners.named(a) else { return false }
                guard let b = owners.named(b) else { return true }
                return (a.key, a.name) < (b.key, b.name)
            }.map { OwnerGroup(owner: owners.named($0)?.name, entries: byOwner[$0]!) })
        }
    }

    /// Kinds (or owners) by number: names written in another case are one, named as first written; each written
    /// form keyed once. No name is -1.
    private struct GroupNames {
        private var byWritten: [String: Int] = [:]
        private var byKey: [String: Int] = [:]
        private var names: [(key: String, name: String)] = []

        mutating func number(of name: String?) -> Int {
            guard let name else { return -1 }
            if let number = byWritten[name] { return number }
            let key = NameKey(name).value
            let number = byKey[key] ?? names.count
            if number == names.count {
                names.append((key, name))
                byKey[key] = number
            }
            byWritten[name] = number
            return number
        }

        func named(_ number: Int) -> (key: String, name: String)? {
            number < 0 ? nil : names[number]
        }
    }

    /// What an entry sorts by, an absent figure kept as NaN (no figure is NaN): 24 bytes an action rather than 40
    /// with optionals, 1.4 million of them at once at 100,000 maps.
    private struct SortKey {
        private let emotionValue: Double, conversionValue: Double
        let rank: Int

        init(emotion: Double?, conversion: Double?, rank: Int) {
            (emotionValue, conversionValue, self.rank) = (emotion ?? .nan, conversion ?? .nan, rank)
        }

        var emotion: Double? { emotionValue.isNaN ? nil : emotionValue }
        var conversion: Double? { conversionValue.isNaN ? nil : conversionValue }
    }

    /// A run of one owner's entries on a page of the plan: the kind's and the owner's places in `kinds`, and
    /// which of the owner's entries.
    public struct PagePart: Sendable, Equatable {
        public var kind: Int
        public var owner: Int
        public var entries: Range<Int>
        /// The kind began on a page before.
        public var continued = false
    }

    /// The plan cut into pages of `size` entries each, in its order: a kind or an owner that does not fit goes on
    /// over the next page. One empty page for an empty plan.
    public func pages(of size: Int) -> [[PagePart]] {
        precondition(size > 0)
        var pages: [[PagePart]] = [[]]
        var room = size
        for (kind, group) in kinds.enumerated() {
            for (owner, owners) in group.owners.enumerated() {
                var start = 0
                while start < owners.entries.count {
                    if room == 0 {
                        pages.append([])
                        room = size
                    }
                    let end = min(owners.entries.count, start + room)
                    // The kind's first part on this page, when the kind began before it.
                    let continued = (owner > 0 || start > 0) && !pages[pages.count - 1].contains { $0.kind == kind }
                    pages[pages.count - 1].append(PagePart(kind: kind, owner: owner, entries: start..<end, continued: continued))
                    room -= end - start
                    start = end
                }
            }
        }
        return pages
    }

    /// The page (from 0) each kind begins on, by the kind's place in `kinds`.
    public static func firstPages(_ pages: [[PagePart]]) -> [Int: Int] {
        var first: [Int: Int] = [:]
        for (number, parts) in pages.enumerated() {
            for part in parts where first[part.kind] == nil { first[part.kind] = number }
        }
        return first
    }

    /// How many actions each kind has.
    public var kindCounts: [Int] { kinds.map { $0.owners.reduce(0) { $0 + $1.entries.count } } }

    /// Whether an action whose stage has the emotion and conversion `a` goes before one with `b`: the lowest
    /// emotion first, then the lowest conversion, a missing one last; nil when both are the same.
    private static func painfulFirst(_ a: (Double?, Double?), _ b: (Double?, Double?)) -> Bool? {
        ascending(a.0, b.0) ?? ascending(a.1, b.1)
    }

    /// What places an action in its kind's and owner's run, as the plan sorts them: its stage's figures
    /// (`painfulFirst`), then its map's title (by `NameKey`) and place among the maps, then its own place among the
    /// map's actions.
    public struct Placing: Comparable, Sendable {
        public var emotion: Double?
        public var conversion: Double?
        public var title: String
        public var entry: Entry

        public init(emotion: Double?, conversion: Double?, title: String, entry: Entry) {
            self.init(emotion: emotion, conversion: conversion, titleKey: NameKey(title).value, entry: entry)
        }

        /// With the title already made a key (`NameKey`): the actions of one map share it.
        public init(emotion: Double?, conversion: Double?, titleKey: String, entry: Entry) {
            (self.emotion, self.conversion, self.title, self.entry) = (emotion, conversion, titleKey, entry)
        }

        public static func < (a: Placing, b: Placing) -> Bool {
            ActionPlan.painfulFirst((a.emotion, a.conversion), (b.emotion, b.conversion))
                ?? ((a.title, a.entry.map, a.entry.action) < (b.title, b.entry.map, b.entry.action))
        }
    }

    /// The plan with the actions of the maps `moved` names (by place) placed again, every other action where it
    /// was: for changes that keep each action's kind, owner and stage and the map's title, and change only the
    /// figures it is sorted by (an emotion or a conversion edited). Each such action is taken out of its kind's
    /// and owner's run and put back where `placing` says, found by halving the run: `placing` is asked of about
    /// twenty actions each, so that an update reads a few maps and not every one.
    public func moving(_ moved: Set<Int>, placing: (Entry) throws -> Placing) rethrows -> ActionPlan {
        var plan = self
        // Looked up for every action of the plan (140,000 at 10,000 maps): a set's hash for each was 4 ms.
        var isMoved = [Bool](repeating: false, count: max(moved.max() ?? 0, 0) + 1)
        for map in moved where map >= 0 { isMoved[map] = true }
        let wasMoved = { (entry: Entry) in entry.map >= 0 && entry.map < isMoved.count && isMoved[entry.map] }
        for kind in plan.kinds.indices {
            for owner in plan.kinds[kind].owners.indices {
                var entries = plan.kinds[kind].owners[owner].entries
                let taken = entries.filter(wasMoved)
                guard !taken.isEmpty else { continue }
                entries.removeAll(where: wasMoved)
                for entry in taken {
                    let place = try placing(entry)
                    var (low, high) = (0, entries.count)
                    while low < high {
                        let middle = (low + high) / 2
                        if try placing(entries[middle]) < place { low = middle + 1 } else { high = middle }
                    }
                    entries.insert(entry, at: low)
                }
                plan.kinds[kind].owners[owner].entries = entries
            }
        }
        return plan
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
