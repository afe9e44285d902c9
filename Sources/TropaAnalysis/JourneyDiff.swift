import TropaModel

/// What changed between two versions of a map, in journey terms: the map's own fields (title, persona, audience …)
/// and introduction; stages added, removed, renamed (matched by content and position, not reported as a removal
/// and an addition) or moved, and their descriptions; list items added and removed per layer, given another tone,
/// kind or owner, or moved from one
/// stage to another; texts, emotion scores and labels, and metrics that changed; the rows of the measurements
/// file. Pure: two parsed maps in, the changes out: the map's own first, then in the order of the newer map's
/// stages, then the measurements.
public struct JourneyChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A field of the front matter (`field`), or the introduction.
        case mapChanged = "map-changed"
        case descriptionChanged = "description-changed"
        case stageAdded = "stage-added"
        case stageRemoved = "stage-removed"
        case stageRenamed = "stage-renamed"
        case stageMoved = "stage-moved"
        case itemAdded = "item-added"
        case itemRemoved = "item-removed"
        /// An item taken from one stage (`previousName`) to another, in the same layer.
        case itemMoved = "item-moved"
        case itemChanged = "item-changed"
        case textChanged = "text-changed"
        case scoreChanged = "score-changed"
        case metricAdded = "metric-added"
        case metricRemoved = "metric-removed"
        case metricChanged = "metric-changed"
        /// A row of the measurements file, by its date, stage and metric (`measurementChanges`).
        case measurementAdded = "measurement-added"
        case measurementRemoved = "measurement-removed"
        case measurementChanged = "measurement-changed"
    }

    public var kind: Kind
    /// The stage as the newer map names it (the older one's name for a removed stage), with its branch; empty for
    /// a change of the map's own.
    public var stage: String
    /// The front matter's key of a map's field that changed (`title`, `audience` …), or `introduction`.
    public var field: String?
    /// A field's value before and after, as text; a number's (`audience`, `revenue`) is in `scoreFrom`/`scoreTo`.
    /// Of an emotion whose score changed, `textFrom` is its older label when that was worded otherwise.
    public var textFrom: String?
    public var textTo: String?
    /// The day a measurement is of, `YYYY-MM-DD`.
    public var date: String?
    /// The older name of a renamed stage; the stage a moved item was in.
    public var previousName: String?
    /// 1-based positions in the older and the newer map.
    public var from: Int?
    public var to: Int?
    /// The layer's id, for changes inside a stage.
    public var layer: String?
    /// The item's text, the emotion's label or the metric's name.
    public var text: String?
    /// The value before and after: an emotion score, or a metric (`valueFrom`/`valueTo` with their unit).
    public var valueFrom: MetricValue?
    public var valueTo: MetricValue?
    public var scoreFrom: Double?
    public var scoreTo: Double?

    public init(_ kind: Kind, stage: String, previousName: String? = nil, from: Int? = nil, to: Int? = nil,
                layer: String? = nil, text: String? = nil, valueFrom: MetricValue? = nil, valueTo: MetricValue? = nil,
                scoreFrom: Double? = nil, scoreTo: Double? = nil, field: String? = nil, textFrom: String? = nil,
                textTo: String? = nil, date: String? = nil) {
        self.kind = kind
        self.date = date
        self.field = field
        self.textFrom = textFrom
        self.textTo = textTo
        self.stage = stage
        self.previousName = previousName
        self.from = from
        self.to = to
        self.layer = layer
        self.text = text
        self.valueFrom = valueFrom
        self.valueTo = valueTo
        self.scoreFrom = scoreFrom
        self.scoreTo = scoreTo
    }
}

public enum JourneyDiff {
    /// The changes from `old` to `new`: in the map, then in the rows of its measurements file.
    public static func changes(from old: Journey, to new: Journey) -> [JourneyChange] {
        fileChanges(from: old, to: new) + measurementChanges(from: old, to: new)
    }

    /// The changes in the map's own file.
    static func fileChanges(from old: Journey, to new: Journey) -> [JourneyChange] {
        let pairs = match(old.stages, new.stages)
        var changes = mapChanges(old, new)
        let matchedOld = Set(pairs.map(\.old))
        for (index, stage) in old.stages.enumerated() where !matchedOld.contains(index) {
            changes.append(JourneyChange(.stageRemoved, stage: stage.displayName, from: index + 1))
        }
        let moved = movedStages(pairs)
        let byNew = Dictionary(pairs.map { ($0.new, $0.old) }, uniquingKeysWith: { first, _ in first })
        for (index, stage) in new.stages.enumerated() {
            guard let oldIndex = byNew[index] else {
                changes.append(JourneyChange(.stageAdded, stage: stage.displayName, to: index + 1))
                continue
            }
            let before = old.stages[oldIndex]
            if before.id != stage.id {
                changes.append(JourneyChange(.stageRenamed, stage: stage.displayName, previousName: before.displayName,
                                             from: oldIndex + 1, to: index + 1))
            }
            if moved.contains(oldIndex) {
                changes.append(JourneyChange(.stageMoved, stage: stage.displayName, from: oldIndex + 1, to: index + 1))
            }
            if NameKey(before.description.plain).value != NameKey(stage.description.plain).value {
                changes.append(JourneyChange(.descriptionChanged, stage: stage.displayName))
            }
            changes += layerChanges(before, stage)
        }
        return movedItems(changes)
    }

    /// The rows of the maps' measurements files added, removed or changed (a value or a target), a row known by
    /// its date, stage and metric: by date, then in the order of the newer map's stages, then by metric. A stage
    /// renamed in the map is the same stage, as `changes` matches it; of two rows of one day, the last counts, as
    /// on the map's page.
    static func measurementChanges(from old: Journey, to new: Journey) -> [JourneyChange] {
        struct Row: Hashable { var date: String, series: MeasurementSeries }
        let renamed = Dictionary(match(old.stages, new.stages).map { (old.stages[$0.old].id, new.stages[$0.new].id) },
                                 uniquingKeysWith: { first, _ in first })
        func rows(_ journey: Journey, stage: (StageID) -> StageID) -> [Row: Measurement] {
            Dictionary(journey.measurements.map { measurement in
                var series = measurement.series
                series.stage = stage(series.stage)
                return (Row(date: measurement.date, series: series), measurement)
            }, uniquingKeysWith: { _, last in last })
        }
        let (before, after) = (rows(old) { renamed[$0] ?? $0 }, rows(new) { $0 })
        let stages = new.stages + old.stages
        let place = Dictionary(stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = Set(before.keys).union(after.keys).sorted {
            ($0.date, place[$0.series.stage] ?? .max, $0.series.metric) < ($1.date, place[$1.series.stage] ?? .max, $1.series.metric)
        }
        return ordered.compactMap { row in
            let (was, now) = (before[row], after[row])
            guard let measured = now ?? was, was?.value.value != now?.value.value || was?.value.target != now?.value.target
            else { return nil }
            let kind: JourneyChange.Kind = was == nil ? .measurementAdded : now == nil ? .measurementRemoved : .measurementChanged
            let stage = place[row.series.stage].map { stages[$0].displayName } ?? row.series.stage.rawValue
            return JourneyChange(kind, stage: stage, text: measured.value.name, valueFrom: was?.value, valueTo: now?.value,
                                 date: row.date)
        }
    }

    /// The map's own fields that differ, in the order the format lists them, then its introduction.
    private static func mapChanges(_ old: Journey, _ new: Journey) -> [JourneyChange] {
        let texts: [(String, String?, String?)] = [
            ("title", old.title, new.title),
            ("persona", old.personaID, new.personaID),
            ("product", old.product, new.product),
            ("segment", old.segment, new.segment),
            ("tags", old.tags.isEmpty ? nil : old.tags.joined(separator: ", "),
             new.tags.isEmpty ? nil : new.tags.joined(separator: ", ")),
            ("evidence", old.evidence?.rawValue, new.evidence?.rawValue),
            ("priority", old.priority?.rawValue, new.priority?.rawValue),
            ("updated", old.updated, new.updated),
            ("draft", old.draft ? "true" : nil, new.draft ? "true" : nil),
            ("measurements", old.measurementsFile, new.measurementsFile),
        ]
        var changes = texts.compactMap { field, before, after in
            before == after ? nil : JourneyChange(.mapChanged, stage: "", field: field, textFrom: before, textTo: after)
        }
        for (field, before, after) in [("audience", old.audience, new.audience), ("revenue", old.revenue, new.revenue)]
        where before != after {
            changes.append(JourneyChange(.mapChanged, stage: "", scoreFrom: before, scoreTo: after, field: field))
        }
        if NameKey(old.introduction.plain).value != NameKey(new.introduction.plain).value {
            changes.append(JourneyChange(.mapChanged, stage: "", field: "introduction"))
        }
        // Addresses changed, as many as there were (a link added or taken away comes with its text, told as that):
        // the addresses gone and the addresses new.
        if old.destinations.count == new.destinations.count, old.destinations.sorted() != new.destinations.sorted() {
            var gone = old.destinations, added: [String] = []
            for destination in new.destinations {
                if let index = gone.firstIndex(of: destination) { gone.remove(at: index) } else { added.append(destination) }
            }
            changes.append(JourneyChange(.mapChanged, stage: "", field: "links", textFrom: gone.isEmpty ? nil : gone.joined(separator: ", "),
                                         textTo: added.isEmpty ? nil : added.joined(separator: ", ")))
        }
        return changes
    }

    /// Pairs of stage positions (older, newer): first the stages of one id; then, of the rest, the pairs whose
    /// content is most alike (half their entries shared at least), a stage at the same position counting a
    /// little more.
    package static func match(_ old: [Stage], _ new: [Stage]) -> [(old: Int, new: Int)] {
        var pairs: [(old: Int, new: Int)] = []
        var newByID: [StageID: Int] = [:]
        for (index, stage) in new.enumerated() where newByID[stage.id] == nil { newByID[stage.id] = index }
        var takenNew = Set<Int>()
        for (index, stage) in old.enumerated() {
            if let match = newByID[stage.id], !takenNew.contains(match) {
                pairs.append((index, match))
                takenNew.insert(match)
            }
        }
        let takenOld = Set(pairs.map(\.old))
        let restOld = old.indices.filter { !takenOld.contains($0) }
        let restNew = new.indices.filter { !takenNew.contains($0) }
        let contents = (old: Dictionary(uniqueKeysWithValues: restOld.map { ($0, entries(old[$0])) }),
                        new: Dictionary(uniqueKeysWithValues: restNew.map { ($0, entries(new[$0])) }))
        var candidates: [(score: Double, old: Int, new: Int)] = []
        for o in restOld {
            for n in restNew {
                let (a, b) = (contents.old[o]!, contents.new[n]!)
                guard !a.isEmpty || !b.isEmpty else { continue }
                let similarity = Double(a.intersection(b).count) / Double(a.union(b).count)
                guard similarity >= 0.5 else { continue }
                candidates.append((similarity + (o == n ? 0.1 : 0), o, n))
            }
        }
        // Best first; ties by position, so the result does not depend on the order of a dictionary.
        candidates.sort { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        for candidate in candidates where !usedOld.contains(candidate.old) && !usedNew.contains(candidate.new) {
            pairs.append((candidate.old, candidate.new))
            usedOld.insert(candidate.old)
            usedNew.insert(candidate.new)
        }
        return pairs.sorted { $0.old < $1.old }
    }

    /// What a stage says, as a set of entries compared as names are: each list item, paragraph, emotion label and
    /// metric name with its layer.
    private static func entries(_ stage: Stage) -> Set<String> {
        var entries = Set<String>()
        for layer in stage.layers {
            switch layer.content {
            case .text(let text): for block in text.outline { entries.insert(layer.layerID + ":" + NameKey(block.text).value) }
            case .list(let items): for item in items { entries.insert(layer.layerID + ":" + NameKey(item.text.plain).value) }
            case .emotion(let points): for point in points { entries.insert(layer.layerID + ":" + NameKey(point.label).value) }
            case .metrics(let values): for value in values { entries.insert(layer.layerID + ":" + value.key) }
            }
        }
        return entries
    }

    /// The older positions of the stages that moved: those outside the longest run of matched stages that kept
    /// their order.
    private static func movedStages(_ pairs: [(old: Int, new: Int)]) -> Set<Int> {
        let order = pairs.sorted { $0.old < $1.old }
        guard !order.isEmpty else { return [] }
        // Longest increasing subsequence of the newer positions, by patience sorting with back links.
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: order.count)
        for (index, pair) in order.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if order[tails[middle]].new < pair.new { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var kept = Set<Int>()
        var index = tails.last ?? -1
        while index >= 0 {
            kept.insert(index)
            index = previous[index]
        }
        return Set(order.indices.filter { !kept.contains($0) }.map { order[$0].old })
    }

    /// An item removed from one stage and added to another in the same layer is one move, told where it was added
    /// (the first removal of the same item from another stage, when several were). The items of a stage added or
    /// removed are not listed, so an item moved into or out of one is not paired.
    private static func movedItems(_ changes: [JourneyChange]) -> [JourneyChange] {
        struct Item: Hashable { var layer: String?, key: String }
        func item(_ change: JourneyChange) -> Item { Item(layer: change.layer, key: NameKey(change.text ?? "").value) }
        var removals: [Item: [Int]] = [:]
        for (index, change) in changes.enumerated() where change.kind == .itemRemoved {
            removals[item(change), default: []].append(index)
        }
        guard !removals.isEmpty else { return changes }
        var moved = changes, taken = Set<Int>()
        for (index, change) in changes.enumerated() where change.kind == .itemAdded {
            let key = item(change)
            guard let place = removals[key]?.firstIndex(where: { changes[$0].stage != change.stage }) else { continue }
            let removal = removals[key]!.remove(at: place)
            taken.insert(removal)
            moved[index] = JourneyChange(.itemMoved, stage: change.stage, previousName: changes[removal].stage,
                                         layer: change.layer, text: change.text)
        }
        return moved.indices.filter { !taken.contains($0) }.map { moved[$0] }
    }

    /// The changes inside a stage that both versions have, layer by layer in the newer stage's order, then the
    /// layers only the older one had.
    private static func layerChanges(_ old: Stage, _ new: Stage) -> [JourneyChange] {
        let stage = new.displayName
        var changes: [JourneyChange] = []
        let layerIDs = new.layers.map(\.layerID) + old.layers.map(\.layerID).filter { id in !new.layers.contains { $0.layerID == id } }
        for id in layerIDs {
            changes += contentChanges(old.layer(id: id)?.content, new.layer(id: id)?.content, stage: stage, layer: id)
        }
        return changes
    }

    private static func contentChanges(_ before: LayerContent?, _ after: LayerContent?, stage: String,
                                       layer: String) -> [JourneyChange] {
        // Most layers of two versions are the same: no name keys for them.
        if before == after { return [] }
        switch (before ?? empty(like: after), after ?? empty(like: before)) {
        case (.list(let a), .list(let b)):
            // With its tone, kind and owner: a recommendation given to another owner is a change.
            let textsA = a.map(\.plainWithMarks), textsB = b.map(\.plainWithMarks)
            let keysA = textsA.map { NameKey($0).value }, keysB = textsB.map { NameKey($0).value }
            let removed = textsA.indices.filter { !keysB.contains(keysA[$0]) }
            let added = textsB.indices.filter { !keysA.contains(keysB[$0]) }
            // An item of the same text with another tone, kind or owner is one change: of the candidates, the pairs
            // that differ in the fewest of the three first.
            func differences(_ old: Int, _ new: Int) -> Int? {
                guard NameKey(a[old].text.plain) == NameKey(b[new].text.plain) else { return nil }
                return [a[old].tone != b[new].tone, a[old].kind != b[new].kind, a[old].owner != b[new].owner].filter { $0 }.count
            }
            let candidates = removed.flatMap { old in added.compactMap { new in differences(old, new).map { (old, new, $0) } } }
            var pairs: [Int: Int] = [:], taken = Set<Int>()
            for (old, new, _) in candidates.sorted(by: { $0.2 < $1.2 }) where pairs[old] == nil && !taken.contains(new) {
                pairs[old] = new
                taken.insert(new)
            }
            return removed.filter { pairs[$0] == nil }.map { JourneyChange(.itemRemoved, stage: stage, layer: layer, text: textsA[$0]) }
                + removed.compactMap { old in pairs[old].map {
                    JourneyChange(.itemChanged, stage: stage, layer: layer, text: textsB[$0], textFrom: textsA[old])
                } }
                + added.filter { !taken.contains($0) }.map { JourneyChange(.itemAdded, stage: stage, layer: layer, text: textsB[$0]) }
        case (.text(let a), .text(let b)):
            return NameKey(a.plain).value == NameKey(b.plain).value ? []
                : [JourneyChange(.textChanged, stage: stage, layer: layer, text: b.plain.isEmpty ? a.plain : b.plain)]
        case (.emotion(let a), .emotion(let b)):
            // Points by their place in the stage: a label reworded is still the same moment.
            var changes: [JourneyChange] = []
            for index in 0..<max(a.count, b.count) {
                let from = index < a.count ? a[index] : nil, to = index < b.count ? b[index] : nil
                guard from?.score != to?.score else { continue }
                // A label reworded with its score keeps its older words, so that neither seems to have had the other's score.
                let reworded = from.flatMap { from in to.map { NameKey(from.label).value != NameKey($0.label).value } } == true
                changes.append(JourneyChange(.scoreChanged, stage: stage, layer: layer,
                                             text: (to ?? from)!.label, scoreFrom: from?.score, scoreTo: to?.score,
                                             textFrom: reworded ? from?.label : nil))
            }
            // A label reworded at the same score is the layer's text changed, each with both labels.
            for (before, point) in zip(a, b) where before.score == point.score && NameKey(before.label).value != NameKey(point.label).value {
                changes.append(JourneyChange(.textChanged, stage: stage, layer: layer, text: point.label, textFrom: before.label))
            }
            return changes
        case (.metrics(let a), .metrics(let b)):
            var changes: [JourneyChange] = []
            for value in b {
                let earlier = a.first { $0.key == value.key }
                if let earlier {
                    if earlier.value != value.value || earlier.range != value.range || earlier.unit != value.unit
                        || earlier.target != value.target {
                        changes.append(JourneyChange(.metricChanged, stage: stage, layer: layer, text: value.name,
                                                     valueFrom: earlier, valueTo: value))
                    }
                } else {
                    changes.append(JourneyChange(.metricAdded, stage: stage, layer: layer, text: value.name, valueTo: value))
                }
            }
            for value in a where !b.contains(where: { $0.key == value.key }) {
                changes.append(JourneyChange(.metricRemoved, stage: stage, layer: layer, text: value.name, valueFrom: value))
            }
            return changes
        default:
            return []
        }
    }

    /// The empty content of the same kind, for a layer only one version has.
    private static func empty(like content: LayerContent?) -> LayerContent {
        switch content {
        case .list?: .list([])
        case .emotion?: .emotion([])
        case .metrics?: .metrics([])
        case .text?, nil: .text(.empty)
        }
    }
}
