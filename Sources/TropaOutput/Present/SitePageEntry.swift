import Synchronization
import TropaModel
import TropaAnalysis

/// What the site pages (catalogue, dashboard, comparisons, tag, segment and persona pages, the action plan) show of
/// one map, and all they are made from: a rebuild makes them again only when this changed for some map. Emotion
/// labels, texts and most layers are not on them, so changing those rewrites the map's own pages only. A full build
/// keeps this of each map, not its facts. A class: the preview passes on and compares 10,000 of them on every
/// save, and a copy of the structure retained each of its fields.
package final class SitePageEntry: Equatable, Sendable, MapOverview {
    /// The map's file, relative to the site folder: what other maps' `compare` names.
    package let path: String
    package let summary: JourneySummary
    /// The stages' names, branches and figures, for comparisons and the plan.
    package let stages: [StageFacts]
    package let stageEmotions: [Double?]
    package let actions: PlanActions
    /// The ids of the stages' columns, which the plan's actions link to; none for a map without actions.
    package let stageAnchors: [String]
    /// The curve's scores, without labels.
    package let curve: [EmotionSeries]
    /// The stages of each path of a branched map, for its sparkline's lines; empty for a map without forks.
    package let paths: [[Int]]
    package let headline: MapHeadline
    package let built: Bool
    /// The card's sparkline as last drawn, with the scale and words it was drawn for: a card is on five pages or
    /// more (the catalogue, its tags', segment's and persona's), and drawing it was most of making a card. The
    /// preview keeps the entry between saves, and with it the drawing.
    private let drawnSparkline = Mutex<(scale: ClosedRange<Double>, label: String, markup: String)?>(nil)

    /// `evaluation`, when the caller has it already, saves making it again.
    package init(_ facts: JourneyFacts, evaluation: JourneyEvaluation? = nil, built: Bool) {
        let evaluation = evaluation ?? JourneyEvaluation(facts)
        path = facts.path
        summary = facts.summary
        stages = facts.stages
        stageEmotions = evaluation.stageEmotions
        actions = facts.actions
        stageAnchors = Self.anchors(stages, actions: actions)
        curve = facts.emotions.map { series in
            EmotionSeries(points: series.points.map { EmotionSeries.Point(stage: $0.stage, score: $0.score, label: "") })
        }
        // The sparkline draws as many paths as the page's curve.
        paths = evaluation.paths.count < 2 ? [] : evaluation.paths.prefix(EmotionCurveSVG.dashes.count).map(\.stages)
        headline = MapHeadline(facts, evaluation: evaluation)
        self.built = built
    }

    /// The sparkline `draw` makes on this scale with this label, drawn the first time only.
    package func sparkline(scale: ClosedRange<Double>, label: String, draw: () -> String) -> String {
        drawnSparkline.withLock { drawn in
            if let drawn, drawn.scale == scale, drawn.label == label { return drawn.markup }
            let markup = draw()
            drawn = (scale, label, markup)
            return markup
        }
    }

    /// The ids of the stages' columns, when the map has actions to link to them.
    package static func anchors(_ stages: [StageFacts], actions: PlanActions) -> [String] {
        actions.isEmpty ? [] : StageID.anchors(stages.map(\.id))
    }

    /// The same map shown the same way; an entry taken over from the run before is the same object.
    package static func == (lhs: SitePageEntry, rhs: SitePageEntry) -> Bool {
        lhs === rhs || lhs.path == rhs.path && lhs.summary == rhs.summary && lhs.stages == rhs.stages
            && lhs.stageEmotions == rhs.stageEmotions && lhs.actions == rhs.actions
            && lhs.stageAnchors == rhs.stageAnchors && lhs.curve == rhs.curve && lhs.paths == rhs.paths
            && lhs.headline == rhs.headline && lhs.built == rhs.built
    }
}
