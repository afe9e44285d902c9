import TropaModel

/// Checks a parsed journey against its schema: required layers, and figures within their ranges.
/// (Empty layers are found by the parser, which still sees whether a heading had anything under it.)
package struct JourneyValidator {
    package let schema: LayerSchema
    package let language: Language

    package init(schema: LayerSchema, language: Language) {
        self.schema = schema
        self.language = language
    }

    package func validate(_ journey: Journey) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let language = headingLanguage(journey)
        let required = schema.layers.filter(\.required)
        for stage in journey.stages {
            if stage.layers.isEmpty, stage.misnamedLayers.isEmpty, !required.isEmpty {
                // One error for the stage, not one per required layer.
                let headings = required.map { "### " + $0.title.text(in: language, fallback: $0.id) }
                diagnostics.append(.error(.emptyStage, .emptyStage(stage.written), at: stage.location,
                                          suggestion: .addLayers(headings)))
                continue
            }
            // A heading taken for a required layer (`### Дейсвтия`) was reported as unknown: not also as missing.
            for definition in required where stage.layer(id: definition.id) == nil
                && !stage.misnamedLayers.contains(definition.id) {
                let heading = definition.title.text(in: language, fallback: definition.id)
                diagnostics.append(.error(.missingLayer, .missingLayer(stage: stage.written, layer: heading),
                                          at: stage.location, suggestion: .addLayer(heading)))
            }
            for layer in stage.layers {
                diagnostics += validate(layer, file: journey.path)
            }
        }
        diagnostics += journey.measurements.compactMap { outOfRange($0.value, at: $0.location) }
        return diagnostics
    }

    private func validate(_ layer: Layer, file: String) -> [Diagnostic] {
        switch layer.content {
        case .emotion(let points):
            return points.filter { !schema.scale.contains($0.score) }.map { point -> Diagnostic in
                let (low, high) = (schema.scale.lowerBound.compactText, schema.scale.upperBound.compactText)
                return .error(.emotionOutOfRange, .scoreOutOfScale(score: point.score.compactText, low: low, high: high),
                              at: SourceLocation(file: file, line: point.line, column: point.column),
                              suggestion: .useScore(low: low, high: high))
            }
        case .metrics(let values):
            return values.compactMap { outOfRange($0, at: SourceLocation(file: file, line: $0.line, column: $0.column)) }
        case .text, .list:
            return []
        }
    }

    /// A value outside its metric's range, or one whose target is.
    private func outOfRange(_ value: MetricValue, at: SourceLocation) -> Diagnostic? {
        let range = range(of: value)
        let percent = value.unit == .percent ? "%" : ""
        // A range's ends and a target must lie in the metric's range as a single value does.
        let ends = value.range.map { [$0.lowerBound, $0.upperBound] } ?? [value.value]
        let (low, high) = (range.lowerBound.compactText, range.upperBound.compactText)
        let outside: Message? = if let end = ends.first(where: { !range.contains($0) }) {
            .valueOutOfRange(metric: value.name, value: end.compactText + percent, low: low, high: high)
        } else if let target = value.target, !range.contains(target) {
            .targetOutOfRange(metric: value.name, target: target.compactText + percent, low: low, high: high)
        } else {
            nil
        }
        guard let outside else { return nil }
        // A duration has only a floor: its range's top is what a page can print, no advice to an author; a duration
        // above it is told with the range like any other value.
        if case .duration = value.unit, range.upperBound == ClosedRange.printable.upperBound, ends.contains(where: { $0 < range.lowerBound }) {
            return .error(.metricOutOfRange, .negativeDuration(value.name), at: at, suggestion: .durationAtLeastZero)
        }
        return .error(.metricOutOfRange, outside, at: at, suggestion: .useValue(low: low, high: high))
    }

    /// A draft is filled in layer by layer (`tropa new` writes one with every layer empty): while it stays a draft,
    /// its missing and empty layers are warnings, and several are one warning, at the first, with their number (a
    /// new draft's thirty hid the errors of the site). Every other problem keeps its severity.
    package static func forDraft(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let unfilled: Set<DiagnosticCode> = [.missingLayer, .emptyStage, .emptyLayer]
        let lenient = diagnostics.map { diagnostic in
            guard diagnostic.severity == .error, unfilled.contains(diagnostic.code) else { return diagnostic }
            var lenient = diagnostic
            lenient.severity = .warning
            lenient.help = .draftLenient(diagnostic.help)
            return lenient
        }
        let places = Set(lenient.indices.filter { unfilled.contains(lenient[$0].code) })
        guard places.count > 1, let first = places.min(by: { lenient[$0].location < lenient[$1].location }) else { return lenient }
        var summary = lenient[first]
        summary.text = .draftUnfilled(first: summary.text, more: places.count - 1)
        summary.help = .fillDraft
        return lenient.indices.compactMap { index in
            index == first ? summary : places.contains(index) ? nil : lenient[index]
        }
    }

    /// The language the author writes layer headings in, so a suggested heading matches the others.
    private func headingLanguage(_ journey: Journey) -> Language {
        // Without a layer heading, the stages' names tell.
        let headings = journey.stages.flatMap(\.layers).map(\.heading) + journey.stages.map(\.name)
        guard let first = headings.first else { return language }
        return first.containsCyrillic ? .ru : .en
    }

    /// The range a value must fall in: its metric's, or 0..100 for any percentage, or else what a page can print.
    private func range(of value: MetricValue) -> ClosedRange<Double> {
        if let id = value.metricID, let range = schema.metrics.first(where: { $0.id == id })?.effectiveRange {
            return range
        }
        switch value.unit {
        case .percent: return 0...100
        // No stage lasts less than nothing.
        case .duration: return 0...ClosedRange.printable.upperBound
        default: return .printable
        }
    }
}
