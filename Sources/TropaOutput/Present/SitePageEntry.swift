import TropaModel
import TropaAnalysis

/// What the catalogue, the dashboard and the persona pages show of one map, and all they are made from: a rebuild
/// makes them again only when this changed for some map. Emotion labels and most figures are not on them, so
/// changing those rewrites the map's own pages only. A full build keeps this of each map, not its facts.
package struct SitePageEntry: Hashable, Sendable {
    package let summary: JourneySummary
    /// The curve's scores, without labels.
    package let curve: [EmotionSeries]
    /// The stages of each path of a branched map, for its sparkline's lines; empty for a map without forks.
    package let paths: [[Int]]
    package let headline: MapHeadline
    package let built: Bool

    /// `evaluation`, when the caller has it already, saves making it again.
    package init(_ facts: JourneyFacts, evaluation: JourneyEvaluation? = nil, built: Bool) {
        let evaluation = evaluation ?? JourneyEvaluation(facts)
        summary = facts.summary
        curve = facts.emotions.map { series in
            EmotionSeries(points: series.points.map { EmotionSeries.Point(stage: $0.stage, score: $0.score, label: "") })
        }
        // The sparkline draws as many paths as the page's curve.
        paths = evaluation.paths.count < 2 ? [] : evaluation.paths.prefix(EmotionCurveSVG.dashes.count).map(\.stages)
        headline = MapHeadline(facts, evaluation: evaluation)
        self.built = built
    }
}
