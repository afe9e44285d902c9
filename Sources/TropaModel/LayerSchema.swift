/// The languages of the theme's own words and of titles in a schema.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en
    case ru
}

/// Words in several languages, e.g. a layer's title `{ en: Goal, ru: Цель }`.
public struct LocalizedText: Sendable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// The text in `language`, else English, else any language (by key order), else `fallback`.
    public func text(in language: Language, fallback: String) -> String {
        values[language.rawValue] ?? values[Language.en.rawValue] ?? values.sorted { $0.key < $1.key }.first?.value ?? fallback
    }
}

/// How a layer's content is read and shown.
public enum LayerKind: String, Sendable, CaseIterable, Codable {
    case text
    case list
    case emotion
    case metrics
}

/// One row of the journey table, as the schema declares it.
public struct LayerDefinition: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var aliases: [String]
    public var kind: LayerKind
    public var required: Bool
    /// Whether an item of this `list` layer may start with `+` or `-`/`−` to mark a good or bad experience.
    public var tones: Bool
    /// Whether every item of this `list` layer is a pain point (barriers): the analysis ranks them with the
    /// negative items of layers with tones.
    public var pains: Bool
    /// Whether every item of this `list` layer is an action for the plan (recommendations): it may start with a
    /// kind in brackets and end with an owner after `@`.
    public var plan: Bool
    /// The kinds a plan item may name; empty for any kind.
    public var kinds: [String]
    /// The owners a plan item may name (without `@`); empty for any owner.
    public var owners: [String]

    public init(id: String, title: LocalizedText, aliases: [String] = [], kind: LayerKind, required: Bool = false,
                tones: Bool = false, pains: Bool = false, plan: Bool = false, kinds: [String] = [],
                owners: [String] = []) {
        self.id = id
        self.title = title
        self.aliases = aliases
        self.kind = kind
        self.required = required
        self.tones = tones
        self.pains = pains
        self.plan = plan || !kinds.isEmpty || !owners.isEmpty
        self.kinds = kinds
        self.owners = owners
    }

    /// Every name a heading may use for this layer; titles first, so a suggestion reads like a heading.
    public var names: [String] { title.values.keys.sorted().compactMap { title.values[$0] } + [id] + aliases }
}

/// What a metric's number measures.
public enum MetricUnit: String, Sendable, Codable {
    case percent
    case duration
    case plain
}

/// What a metric means to the analysis, whatever the schema calls it: the analysis finds "the conversion metric"
/// by its role, never by its id or title.
public enum MetricRole: String, Sendable, CaseIterable, Codable {
    case conversion
    case nps
    case csat
    case duration
}

/// A metric the schema knows, such as conversion or NPS.
public struct MetricDefinition: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var aliases: [String]
    public var unit: MetricUnit
    public var range: ClosedRange<Double>?
    /// At most one metric of a schema has each role.
    public var role: MetricRole?

    public init(id: String, title: LocalizedText, aliases: [String] = [], unit: MetricUnit = .plain,
                range: ClosedRange<Double>? = nil, role: MetricRole? = nil) {
        self.id = id
        self.title = title
        self.aliases = aliases
        self.unit = unit
        self.range = range
        self.role = role
    }

    public var names: [String] { title.values.keys.sorted().compactMap { title.values[$0] } + [id] + aliases }

    /// The range a value must fall in: the declared one, or 0...100 for percentages.
    public var effectiveRange: ClosedRange<Double>? { range ?? (unit == .percent ? 0...100 : nil) }
}

/// The layers a map may have, in table order, with the emotion scale and the known metrics.
public struct LayerSchema: Sendable, Hashable {
    public var scale: ClosedRange<Double>
    public let layers: [LayerDefinition]
    public var metrics: [MetricDefinition]
    /// Whether a layer holds metrics: asked for every list layer of every map, where looking through the layers
    /// copied each definition (2 % of checking a site).
    public let hasMetricsLayer: Bool
    private let layerIndex: [NameKey: Int]
    private let metricIndex: [NameKey: Int]

    public init(scale: ClosedRange<Double> = -2...2, layers: [LayerDefinition], metrics: [MetricDefinition]) {
        self.scale = scale
        self.layers = layers
        self.metrics = metrics
        hasMetricsLayer = layers.contains { $0.kind == .metrics }
        layerIndex = Self.index(layers.map(\.names))
        metricIndex = Self.index(metrics.map(\.names))
    }

    /// The layer a heading names, by id, title in any language or alias.
    public func layer(named heading: String) -> LayerDefinition? {
        layerIndex[NameKey(heading)].map { layers[$0] }
    }

    public func layer(id: String) -> LayerDefinition? { layers.first { $0.id == id } }

    /// The metric an item names, by id, title in any language or alias.
    public func metric(named name: String) -> MetricDefinition? {
        metricIndex[NameKey(name)].map { metrics[$0] }
    }

    /// A value's metric as the schema titles it in `language`; a metric the schema does not know, or a name with a
    /// note of the author's in brackets, as written.
    public func title(of value: MetricValue, in language: Language) -> String {
        guard let id = value.metricID, let metric = metrics.first(where: { $0.id == id }) else { return value.name }
        // Only a name that ends in a bracket can hold a note: every metric of every page is titled here.
        if value.name.utf8.last == UInt8(ascii: ")"), metricIndex[NameKey(value.name)] == nil { return value.name }
        return metric.title.text(in: language, fallback: value.name)
    }

    /// The metric with a role, whatever its id and titles (`Переход` with `role: conversion`).
    public func metric(role: MetricRole) -> MetricDefinition? { metrics.first { $0.role == role } }

    /// Every name a layer heading may use, for suggestions.
    public var layerNames: [String] { layers.flatMap(\.names) }
    public var metricNames: [String] { metrics.flatMap(\.names) }

    private static func index(_ names: [[String]]) -> [NameKey: Int] {
        var index: [NameKey: Int] = [:]
        for (position, list) in names.enumerated() {
            for name in list where index[NameKey(name)] == nil {
                index[NameKey(name)] = position
            }
        }
        return index
    }
}

extension ClosedRange<Double> {
    /// The figures a page can print digit by digit (NumberFormat works through Int): schema scales and ranges must
    /// lie within it, and so must every metric.
    package static let printable: ClosedRange<Double> = -1e15...1e15
}
