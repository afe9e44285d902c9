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

    package init(_ facts: JourneyFacts, built: Bool) {
        summary = facts.summary
        curve = facts.emotions.map { series in
            EmotionSeries(points: series.points.map { EmotionSeries.Point(stage: $0.stage, score: $0.score, label: "") })
        }
        let paths = facts.flow.paths
        self.paths = paths.count < 2 ? [] : Array(paths.prefix(EmotionCurveSVG.dashes.count))
        headline = MapHeadline(facts, evaluation: JourneyEvaluation(facts))
        self.built = built
    }
}
