import TropaModel

/// What the analysis knows of one map, computed once from the parsed map and handed on: to the site-wide checks,
/// the presenter, and the build record, which keeps these facts (never markup) for maps it does not parse again.
public struct JourneyFacts: Sendable, Hashable {
    /// The map's file, relative to the site folder.
    public var path: String
    public var summary: JourneySummary
    /// The stages in file order.
    public var stages: [StageFacts]
    /// How they follow each other.
    public var flow: StageGraph
    /// Emotion scores in units of the schema's scale, one series per line of the curve (one today).
    public var emotions: [EmotionSeries]

    /// The items of its plan layers (recommendations), stage by stage, for the action plan.
    public var actions: PlanActions

    public init(path: String, summary: JourneySummary, stages: [StageFacts], flow: StageGraph? = nil,
                emotions: [EmotionSeries], actions: PlanActions = []) {
        self.path = path
        self.summary = summary
        self.stages = stages
        self.flow = flow ?? .line(count: stages.count)
        self.emotions = emotions
        self.actions = actions
    }

    public var slug: String { summary.slug }
}

/// What the catalogue and the persona pages show of a map.
public struct JourneySummary: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var personaID: String?
    public var product: String?
    public var segment: String?
    public var tags: [String]
    public var draft: Bool
    public var stageCount: Int
    /// How many customers enter the first stage, when the map says.
    public var audience: Double?
    public var evidence: Evidence?
    public var updated: String?
    public var priority: Priority?
    public var revenue: Double?
    /// The maps it is compared with, as files relative to the site folder.
    public var compare: [String]
    /// For a measured map: the dashboard's column of reviews and `maps.json` show it.
    public var review: ReviewDates?

    public init(slug: String, title: String, personaID: String?, product: String?, segment: String?, tags: [String],
                draft: Bool, stageCount: Int, audience: Double? = nil, evidence: Evidence? = nil,
                updated: String? = nil, priority: Priority? = nil, revenue: Double? = nil, compare: [String] = [],
                review: ReviewDates? = nil) {
        self.slug = slug
        self.title = title
        self.personaID = personaID
        self.product = product
        self.segment = segment
        self.tags = tags
        self.draft = draft
        self.stageCount = stageCount
        self.audience = audience
        self.evidence = evidence
        self.updated = updated
        self.priority = priority
        self.revenue = revenue
        self.compare = compare
        self.review = review
    }
}

/// An action of a map's plan: an item of a plan layer, with its stage, kind and owner.
public struct PlanAction: Sendable, Hashable {
    public var stage: Int
    public var kind: String?
    public var owner: String?
    public var text: RichText

    public init(stage: Int, kind: String?, owner: String?, text: RichText) {
        self.stage = stage
        self.kind = kind
        self.owner = owner
        self.text = text
    }
}

/// A map's plan actions in order, held in two buffers however many there are: their texts one after another, and
/// where each action's lie. A site's entries keep every map's actions until its plan is written; as values of their
/// own with a string for each text they were 2.5 KB of the 7 KB a 100,000-map build kept of each map.
public struct PlanActions: Sendable, Hashable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    /// Where an action's texts lie in `texts`; plain words that are their own HTML lie there once.
    private struct Place: Sendable, Hashable {
        var stage: Int32
        var kind: Span, owner: Span, html: Span, plain: Span
    }

    private struct Span: Sendable, Hashable {
        var start: UInt32, end: UInt32
        /// A kind or owner the action does not have.
        static let absent = Span(start: .max, end: .max)
    }

    private var texts: [UInt8] = []
    private var places: [Place] = []

    public init(_ actions: some Collection<PlanAction>) {
        // Of their size at once: grown by doubling, the buffers kept up to twice what they hold.
        texts.reserveCapacity(actions.reduce(0) { total, action in
            total + (action.kind?.utf8.count ?? 0) + (action.owner?.utf8.count ?? 0) + action.text.html.utf8.count
                + (action.text.plain == action.text.html ? 0 : action.text.plain.utf8.count)
        })
        places.reserveCapacity(actions.count)
        for action in actions {
            let kind = action.kind.map { span($0) } ?? .absent, owner = action.owner.map { span($0) } ?? .absent
            let html = span(action.text.html)
            places.append(Place(stage: Int32(action.stage), kind: kind, owner: owner, html: html,
                                plain: action.text.plain == action.text.html ? html : span(action.text.plain)))
        }
    }

    public init(arrayLiteral actions: PlanAction...) {
        self.init(actions)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { places.count }

    public subscript(index: Int) -> PlanAction {
        get {
            let place = places[index]
            let html = string(place.html)
            return PlanAction(stage: Int(place.stage), kind: place.kind == .absent ? nil : string(place.kind),
                              owner: place.owner == .absent ? nil : string(place.owner),
                              text: RichText(html: html, plain: place.plain == place.html ? html : string(place.plain)))
        }
        // Rebuilds the whole list: for an action edited now and then (a test), not for sorting in place.
        set {
            var actions = Array(self)
            actions[index] = newValue
            self = PlanActions(actions)
        }
    }

    /// The action's stage, read without making its texts (the plan sorts by it).
    public func stage(at index: Int) -> Int { Int(places[index].stage) }

    public func kind(at index: Int) -> String? { places[index].kind == .absent ? nil : string(places[index].kind) }

    public func owner(at index: Int) -> String? { places[index].owner == .absent ? nil : string(places[index].owner) }

    public func html(at index: Int) -> String { string(places[index].html) }

    public func plain(at index: Int) -> String { string(places[index].plain) }

    private mutating func span(_ text: String) -> Span {
        let start = UInt32(texts.count)
        texts.append(contentsOf: text.utf8)
        return Span(start: start, end: UInt32(texts.count))
    }

    private func string(_ span: Span) -> String {
        String(decoding: texts[Int(span.start)..<Int(span.end)], as: UTF8.self)
    }
}

/// A stage as the analysis sees it: its identity, its name, and the figures of the metrics with a role.
public struct StageFacts: Sendable, Hashable {
    public var id: StageID
    public var name: String
    /// The branch the stage belongs to, nil for a shared stage.
    public var branch: String?
    /// By role, whatever the schema calls the metric: a custom schema's `Переход` with `role: conversion` is
    /// the conversion here.
    public var figures: StageFigures

    /// The name with its branch, as prose and tables name a stage: alternatives may share a name
    /// (`Оплата (Онлайн)`, `Оплата (Офлайн)`).
    public var displayName: String { Stage.displayName(name: name, branch: branch) }

    public init(name: String, id: StageID? = nil, figures: StageFigures = [:], branch: String? = nil) {
        self.id = id ?? StageID(name: name, branch: branch)
        self.name = name
        self.figures = figures
        self.branch = branch
    }
}

/// A stage's figures by role: a field per role rather than a dictionary, so 70,000 stages of a large site cost
/// no allocation each.
public struct StageFigures: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public var conversion: Figure?
    public var nps: Figure?
    public var csat: Figure?
    public var duration: Figure?

    public init() {}

    public init(dictionaryLiteral elements: (MetricRole, Figure)...) {
        for (role, figure) in elements { self[role] = figure }
    }

    public subscript(role: MetricRole) -> Figure? {
        get {
            switch role {
            case .conversion: conversion
            case .nps: nps
            case .csat: csat
            case .duration: duration
            }
        }
        set {
            switch role {
            case .conversion: conversion = newValue
            case .nps: nps = newValue
            case .csat: csat = newValue
            case .duration: duration = newValue
            }
        }
    }

    /// The roles that have a figure, in the order `MetricRole` lists them.
    public var roles: [MetricRole] { MetricRole.allCases.filter { self[$0] != nil } }
    public var isEmpty: Bool { roles.isEmpty }
}

/// A metric's value with the unit it was written in: the midpoint of a range, which is kept as written.
public struct Figure: Sendable, Hashable {
    public var value: Double
    // The range's bounds and the target are stored as NaN when there are none (a metric is never NaN): 40 bytes a
    // figure rather than 72 with optionals, four figures of each of a large site's 70,000 stages kept at once.
    private var low: Double, high: Double, targetValue: Double
    public var unit: ValueUnit

    public var range: ClosedRange<Double>? {
        get { low.isNaN ? nil : low...high }
        set { (low, high) = newValue.map { ($0.lowerBound, $0.upperBound) } ?? (.nan, .nan) }
    }

    /// The target, in the same unit.
    public var target: Double? {
        get { targetValue.isNaN ? nil : targetValue }
        set { targetValue = newValue ?? .nan }
    }

    public init(value: Double, unit: ValueUnit, range: ClosedRange<Double>? = nil, target: Double? = nil) {
        self.value = value
        self.unit = unit
        (low, high) = range.map { ($0.lowerBound, $0.upperBound) } ?? (.nan, .nan)
        targetValue = target ?? .nan
    }

    public static func == (lhs: Figure, rhs: Figure) -> Bool {
        lhs.value == rhs.value && lhs.unit == rhs.unit && lhs.range == rhs.range && lhs.target == rhs.target
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(unit)
        hasher.combine(range?.lowerBound)
        hasher.combine(range?.upperBound)
        hasher.combine(target)
    }

    /// The value in seconds, for a duration.
    public var seconds: Double? {
        guard case .duration(let unit) = unit else { return nil }
        return value * unit.seconds
    }
}

/// One line of an emotion curve: scores in units of the scale, each with the stage (by position) it belongs to.
public struct EmotionSeries: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// The stage's position in `JourneyFacts.stages`.
        public var stage: Int
        public var score: Double
        public var label: String

        public init(stage: Int, score: Double, label: String) {
            self.stage = stage
            self.score = score
            self.label = label
        }
    }

    public var points: [Point]

    public init(points: [Point]) {
        self.points = points
    }
}

/// The analyse step: a parsed, valid map to its facts. Pure: no file, no clock, no markup.
public struct JourneyAnalysis: Sendable {
    public let schema: LayerSchema
    /// The content folder, relative to the site folder: a map's slug is its path below it.
    public let contentPath: String

    public init(schema: LayerSchema, contentPath: String) {
        self.schema = schema
        self.contentPath = contentPath
    }

    public func facts(of journey: Journey) -> JourneyFacts {
        let slug = Slug.forMap(journey.path, inContent: contentPath)
        let summary = JourneySummary(slug: slug, title: journey.title, personaID: journey.personaID,
                                     product: journey.product, segment: journey.segment, tags: journey.tags,
                                     draft: journey.draft, stageCount: journey.stages.count,
                                     audience: journey.audience, evidence: journey.evidence,
                                     updated: journey.updated, priority: journey.priority, revenue: journey.revenue,
                                     compare: journey.compare.map { $0.path(inContent: contentPath) },
                                     review: ReviewSchedule.dates(journey))
        let measured = Dictionary(grouping: Self.current(journey), by: \.stage)
        return JourneyFacts(path: journey.path, summary: summary,
                            stages: journey.stages.map { stageFacts($0, measured: measured[$0.id] ?? []) },
                            flow: journey.flow, emotions: emotionSeries(journey), actions: actions(journey))
    }

    /// The items of every plan layer, stage by stage, in file order.
    private func actions(_ journey: Journey) -> PlanActions {
        let layers = Set(schema.layers.filter(\.plan).map(\.id))
        guard !layers.isEmpty else { return [] }
        return PlanActions(journey.stages.enumerated().flatMap { index, stage -> [PlanAction] in
            stage.layers.filter { layers.contains($0.layerID) }.flatMap { layer -> [PlanAction] in
                guard case .list(let items) = layer.content else { return [] }
                return items.filter { !$0.text.plain.isEmpty }.map {
                    PlanAction(stage: index, kind: $0.kind, owner: $0.owner, text: RichText(html: $0.text.html, plain: $0.text.plain))
                }
            }
        })
    }

    /// The stage's metrics that have a role; of two values for one role, the first. A measurement that stands for
    /// the stage's figure replaces it, keeping the layer's target when it names none.
    private func stageFacts(_ stage: Stage, measured: [Measurement]) -> StageFacts {
        var figures = StageFigures()
        for layer in stage.layers {
            guard case .metrics(let values) = layer.content else { continue }
            for value in values {
                guard let role = role(of: value), figures[role] == nil else { continue }
                figures[role] = Figure(value: value.value, unit: value.unit, range: value.range, target: value.target)
            }
        }
        for measurement in measured {
            let value = measurement.value
            guard let role = role(of: value) else { continue }
            // The layer's target in the measurement's unit: `2 недели (цель 1 неделя)` measured `8 дней` aims at 7.
            let written = figures[role].flatMap { figure in figure.target.flatMap { figure.unit.convert($0, to: value.unit) } }
            figures[role] = Figure(value: value.value, unit: value.unit, range: value.range, target: value.target ?? written)
        }
        return StageFacts(name: stage.name, id: stage.id, figures: figures, branch: stage.branch)
    }

    private func role(of value: MetricValue) -> MetricRole? {
        value.metricID.flatMap { id in schema.metrics.first { $0.id == id }?.role }
    }

    /// The measurements that stand for the map's figures: of each stage and metric, the latest, when it is of the
    /// day of `updated` or later (or always, when the map has no `updated`); of two on one day, the last row. A
    /// measurement of the day the map was updated counts: the page's trends show it as the latest.
    public static func current(_ journey: Journey) -> [Measurement] {
        var latest: [MeasurementSeries: Measurement] = [:]
        for measurement in journey.measurements where journey.updated.map({ measurement.date >= $0 }) ?? true {
            if let earlier = latest[measurement.series], earlier.date > measurement.date { continue }
            latest[measurement.series] = measurement
        }
        // In file order, so two rows of one day keep the order the file gives them.
        return journey.measurements.filter { latest[$0.series] == $0 }
    }

    /// The date of the measurements the funnel and the quadrant show: the latest of those that replace a figure
    /// with a role; nil when none does.
    public func figuresDate(_ journey: Journey) -> String? {
        Self.current(journey).filter { role(of: $0.value) != nil }.map(\.date).max()
    }

    /// The metrics the evaluation reads that are measured, as the file names them, and the latest of those
    /// measurements, when every one is dated before `updated`: the figures are then the map's own
    /// (`measurements-before-updated`), and its page says why.
    public func setAside(_ journey: Journey) -> (metrics: [String], last: String)? {
        guard let updated = journey.updated, figuresDate(journey) == nil else { return nil }
        let rows = journey.measurements.filter { $0.date < updated && role(of: $0.value) != nil }
        guard let last = rows.map(\.date).max() else { return nil }
        var metrics: [String] = []
        for row in rows where !metrics.contains(row.value.name) { metrics.append(row.value.name) }
        return (metrics, last)
    }

    /// The scores of the schema's emotion layer, stage by stage; none when no stage has a score.
    private func emotionSeries(_ journey: Journey) -> [EmotionSeries] {
        guard let layer = schema.layers.first(where: { $0.kind == .emotion }) else { return [] }
        var points: [EmotionSeries.Point] = []
        for (index, stage) in journey.stages.enumerated() {
            guard case .emotion(let scores)? = stage.layer(id: layer.id)?.content else { continue }
            points += scores.map { EmotionSeries.Point(stage: index, score: $0.score, label: $0.label) }
        }
        return points.isEmpty ? [] : [EmotionSeries(points: points)]
    }
}
