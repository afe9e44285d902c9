import TropaModel
import TropaAnalysis

/// What the action plan's pages and its CSV show of a map: its title and address, its actions, and the name,
/// conversion, average score and column of each stage. A map's whole entry is one; a one-map rebuild reads the
/// rest of the maps that the plan's pages it makes again show as `PlanMapFacts`, without their cards.
package protocol PlannedMap: Sendable {
    var slug: String { get }
    var title: String { get }
    var actions: PlanActions { get }
    /// Each stage's name and branch, and its figures, of which the plan shows the conversion.
    var stages: [StageFacts] { get }
    var stageEmotions: [Double?] { get }
    /// The ids of the stages' columns, which the plan's actions link to; none for a map without actions.
    var stageAnchors: [String] { get }
}

extension SitePageEntry: PlannedMap {
    package var slug: String { summary.slug }
    package var title: String { summary.title }
}

/// A map as the plan shows it, read from a build record's line: of its stages' figures only the conversion, and
/// of its curve only the stages' averages.
package struct PlanMapFacts: PlannedMap {
    package let slug: String
    package let title: String
    package let actions: PlanActions
    package let stages: [StageFacts]
    package let stageEmotions: [Double?]
    package let stageAnchors: [String]

    /// `stages` with their conversions, `emotions` the map's curves.
    package init(slug: String, title: String, actions: PlanActions, stages: [StageFacts], emotions: [EmotionSeries]) {
        (self.slug, self.title, self.actions, self.stages) = (slug, title, actions, stages)
        stageEmotions = JourneyEvaluation.stageEmotions(emotions, stageCount: stages.count)
        stageAnchors = SitePageEntry.anchors(stages, actions: actions)
    }
}
