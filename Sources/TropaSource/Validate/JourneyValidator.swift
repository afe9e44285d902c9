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
                let headings = required.map { "\"### \($0.title.text(in: language, fallback: $0.id))\"" }
                diagnostics.append(.error(.emptyStage, "the stage \"\(stage.name)\" has no layers", at: stage.location,
                                          suggestion: "add its layers under it, at least " + Self.list(headings)))
                continue
            }
            // A heading taken for a required layer (`### Дейсвтия`) was reported as unknown: not also as missing.
            for definition in required where stage.layer(id: definition.id) == nil
                && !stage.misnamedLayers.contains(definition.id) {
                let heading = definition.title.text(in: language, fallback: definition.id)
                diagnostics.append(.error(.missingLayer,
                                          "the stage \"\(stage.name)\" lacks the required layer \"\(heading)\"",
                                          at: stage.location, suggestion: "add \"### \(heading)\" to this stage"))
            }
            for layer in stage.layers {
                diagnostics += validate(layer, file: journey.path)
            }
        }
        return diagnostics
    }

    private func validate(_ layer: Layer, file: String) -> [Diagnostic] {
        switch layer.content {
        case .emotion(let points):
            return points.filter { !schema.scale.contains($0.score) }.map { point in
                .error(.emotionOutOfRange,
                       "the score \(point.score.compactText) is outside the scale \(schema.scale.lowerBound.compactText)..\(schema.scale.upperBound.compactText)",
                       at: SourceLocation(file: file, line: point.line, column: point.column),
                       suggestion: "use a score from \(schema.scale.lowerBound.compactText) to \(schema.scale.upperBound.compactText)")
            }
        case .metrics(let values):
            return values.compactMap { value in
                let range = range(of: value)
                let percent = value.unit == .percent ? "%" : ""
                // A range's ends and a target must lie in the metric's range as a single value does.
                let ends = value.range.map { [$0.lowerBound, $0.upperBound] } ?? [value.value]
                let outside: String? = if let end = ends.first(where: { !range.contains($0) }) {
                    "\"\(value.name)\" is \(end.compactText)\(percent)"
                } else if let target = value.target, !range.contains(target) {
                    "the target of \"\(value.name)\" is \(target.compactText)\(percent)"
                } else {
                    nil
                }
                guard let outside else { return nil }
                return .error(.metricOutOfRange,
                              "\(outside), outside \(range.lowerBound.compactText)..\(range.upperBound.compactText)",
                              at: SourceLocation(file: file, line: value.line, column: value.column),
                              suggestion: "use a value from \(range.lowerBound.compactText) to \(range.upperBound.compactText)")
            }
        case .text, .list:
            return []
        }
    }

    /// A draft is filled in layer by layer (`tropa new` writes one with every layer empty): while it stays a draft,
    /// its missing and empty layers are warnings. Every other problem keeps its severity.
    package static func forDraft(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard diagnostic.severity == .error, [.missingLayer, .emptyStage].contains(diagnostic.code) else {
                return diagnostic
            }
            var lenient = diagnostic
            lenient.severity = .warning
            lenient.suggestion = (diagnostic.suggestion.map { $0 + " " } ?? "")
                + "(an error once \"draft: true\" is removed)"
            return lenient
        }
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// The language the author writes layer headings in, so a suggested heading matches the others.
    private func headingLanguage(_ journey: Journey) -> Language {
        // Without a layer heading, the stages' names tell.
        let headings = journey.stages.flatMap(\.layers).map(\.heading) + journey.stages.map(\.name)
        guard let first = headings.first else { return language }
        return first.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } ? .ru : .en
    }

    /// The range a value must fall in: its metric's, or 0..100 for any percentage, or else what a page can print.
    private func range(of value: MetricValue) -> ClosedRange<Double> {
        if let id = value.metricID, let range = schema.metrics.first(where: { $0.id == id })?.effectiveRange {
            return range
        }
        return value.unit == .percent ? 0...100 : .printable
    }
}
