import TropaModel
import TropaAnalysis

/// A committed version of a map as the build read it: the commit, the map then (nil when it could not be
/// decoded), and what the commit changed, counted from its parent.
package struct MapVersion: Sendable {
    package let version: GitVersion
    package let journey: Journey?
    package let changes: [JourneyChange]
    /// The commit that added the map: it has nothing to change from.
    package let first: Bool

    package init(version: GitVersion, journey: Journey?, changes: [JourneyChange], first: Bool) {
        self.version = version
        self.journey = journey
        self.changes = changes
        self.first = first
    }
}

package struct HistoryVersionModel: Sendable {
    /// "2 декабря 2026", and `2026-12-02` for the `<time>` element.
    package let date: String
    package let isoDate: String
    package let commit: String
    package let subject: String
    package let changes: [String]
    /// "First version", "No changes to the journey": said when there are no changes to list.
    package let note: String?
}

/// The map's current curve over the one of its last version with another curve: a score per stage of the map as
/// it is now, the earlier map's stages matched to them by name and content.
package struct CurveComparisonModel: Sendable {
    package let title: String
    package let description: String
    package let stageCount: Int
    /// Each column's stage, as the page names it.
    package let stageNames: [String]
    /// The stages that may follow each stage (`StageGraph.next`): a line is drawn along each step of the flow,
    /// never from one branch to another.
    package let next: [[Int]]
    package let scale: ClosedRange<Double>
    /// A score per stage (the mean of its points), nil where a stage has none.
    package let current: [Double?]
    package let previous: [Double?]
    package let legend: (current: String, previous: String)
}

package struct HistoryPageModel: Sendable {
    package let page: PageContext
    package let title: String
    package let mapURL: String
    package let versions: [HistoryVersionModel]
    package let comparison: CurveComparisonModel?
    package var comparisonSVG: String? = nil
}

extension SitePresenter {
    package func historyPage(_ journey: Journey, facts: JourneyFacts, versions: [MapVersion]) -> HistoryPageModel {
        let page = context(forPageAt: PagePaths.history(facts.slug))
        let models = versions.map { version in
            HistoryVersionModel(
                date: words.date(CalendarDay(secondsSince1970: version.version.time).text),
                isoDate: CalendarDay(secondsSince1970: version.version.time).text,
                commit: version.version.shortCommit, subject: version.version.subject,
                changes: version.changes.map(describe),
                note: version.first ? words["historyFirst"] : version.changes.isEmpty ? words["diff.none"] : nil)
        }
        return HistoryPageModel(page: page, title: journey.title, mapURL: "../index.html", versions: models,
                                comparison: comparison(journey, versions: versions))
    }

    private func comparison(_ journey: Journey, versions: [MapVersion]) -> CurveComparisonModel? {
        let current = scores(journey)
        guard current.contains(where: { $0 != nil }) else { return nil }
        // The last version whose curve differs from the current one.
        for version in versions {
            guard let earlier = version.journey else { continue }
            var previous = [Double?](repeating: nil, count: journey.stages.count)
            let earlierScores = scores(earlier)
            for pair in JourneyDiff.match(earlier.stages, journey.stages) { previous[pair.new] = earlierScores[pair.old] }
            guard previous != current else { continue }
            let date = words.date(CalendarDay(secondsSince1970: version.version.time).text)
            let described = journey.stages.indices.map { index in
                let name = journey.stages[index].displayName
                return "\(name): " + [previous[index], current[index]].map { $0.map(format.score) ?? "—" }.joined(separator: " → ")
            }
            return CurveComparisonModel(title: words["historyCurve"], description: described.joined(separator: "; "),
                                        stageCount: journey.stages.count, stageNames: journey.stages.map(\.displayName),
                                        next: journey.flow.next,
                                        scale: site.schema.scale, current: current,
                                        previous: previous,
                                        legend: (words["historyNow"], "\(version.version.shortCommit), \(date)"))
        }
        return nil
    }

    /// The mean score of each stage's emotion layer, nil for a stage without one.
    private func scores(_ journey: Journey) -> [Double?] {
        journey.stages.map { stage in
            let points = stage.layers.compactMap { layer -> [EmotionPoint]? in
                if case .emotion(let points) = layer.content { points } else { nil }
            }.flatMap { $0 }
            return points.isEmpty ? nil : points.map(\.score).reduce(0, +) / Double(points.count)
        }
    }
}
