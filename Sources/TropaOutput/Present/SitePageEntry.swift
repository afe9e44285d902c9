import TropaModel
import TropaAnalysis

/// What the catalogue and the persona pages show of one map: a rebuild makes them again only when this changed
/// for some map. Stage names, figures and emotion labels are not on them, so changing those rewrites the map's
/// own pages only.
package struct SitePageEntry: Hashable, Sendable {
    package let summary: JourneySummary
    /// The sparkline's points: each score with its stage.
    package let scores: [[Double]]
    package let built: Bool

    package init(_ facts: JourneyFacts, built: Bool) {
        summary = facts.summary
        scores = facts.emotions.map { series in series.points.flatMap { [Double($0.stage), $0.score] } }
        self.built = built
    }
}
