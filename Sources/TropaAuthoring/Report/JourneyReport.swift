import TropaModel
import TropaAnalysis
import TropaOutput
import Foundation

/// How `tropa report` prints the evaluation: for a terminal, for a CI job summary, or for programs.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case json
}

/// `tropa report`: every map's evaluation without building pages, worded as the pages word it.
public struct JourneyReport: Sendable {
    /// One map and what the analysis found.
    struct Entry {
        let facts: JourneyFacts
        let evaluation: JourneyEvaluation
        let analysis: AnalysisModel?
        let pains: [PainPoint]
        /// The schema's emotion scale: whether the lowest point is a pain depends on it.
        let scale: ClosedRange<Double>
        /// The stage to act on first: the weakest, else the one that hurts most.
        var focus: Int? { evaluation.weakestStage ?? evaluation.sharpestPain(on: scale) }
    }

    let entries: [Entry]
    let presenter: SitePresenter
    /// The title of the schema's first plan layer, where a stage's actions are written; nil when it has none.
    let planLayer: String?

    /// The maps of a checked site in path order, drafts included (a draft is marked as one).
    public init(site: Site, facts: [JourneyFacts]) {
        let presenter = SitePresenter(site: site)
        self.presenter = presenter
        let analysis = JourneyAnalysis(schema: site.schema, contentPath: site.config.contentPath)
        let byPath = Dictionary(facts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        planLayer = site.schema.layers.first(where: \.plan).map { $0.title.text(in: site.config.language, fallback: $0.id) }
        entries = site.journeys.compactMap { journey in
            guard let facts = byPath[journey.path] else { return nil }
            let evaluation = JourneyEvaluation(facts)
            return Entry(facts: facts, evaluation: evaluation,
                         analysis: presenter.analysis(journey, facts: facts, evaluation: evaluation),
                         pains: analysis.pains(of: journey, evaluation: evaluation), scale: site.schema.scale)
        }
    }

    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: json()
        }
    }

    // MARK: - text and markdown

    private var words: ThemeWords { presenter.words }

    /// The table both forms print: a row per stage.
    private func rows(_ entry: Entry) -> [[String]] {
        let format = presenter.format
        return entry.facts.stages.enumerated().map { index, stage in
            let step = entry.evaluation.funnel.isEmpty ? nil : entry.evaluation.funnel[index]
            return [presenter.stageLabel(entry.facts, index), stage.figures.conversion.map(presenter.figure) ?? "—",
                    step?.reach.map(format.percent) ?? "—", stage.figures.nps.map(presenter.figure) ?? "—",
                    entry.evaluation.stageEmotions[index].map { format.score(SitePresenter.tenth($0)) } ?? "—",
                    entry.evaluation.quadrants[index].map { words["quadrantName." + $0.rawValue] } ?? "—"]
        }
    }

    /// What the advice leaves out, a line each: what the figures rest on, the sharpest pains, and what the plan
    /// already holds for the stage to act on first (or that it holds nothing).
    private func findings(_ entry: Entry) -> [String] {
        var lines: [String] = []
        if let evidence = entry.facts.summary.evidence {
            lines.append(words["evidence"] + ": " + words["evidence." + evidence.rawValue] + ".")
        }
        let pains = entry.pains.prefix(Self.listed).map { words.quoted($0.text.plain) + " (" + entry.facts.stages[$0.stage].displayName + ")" }
        if !pains.isEmpty { lines.append(words.sharpestPains(pains.joined(separator: "; ") + more(entry.pains.count))) }
        if let focus = entry.focus, let planLayer {
            let stage = words.quoted(entry.facts.stages[focus].displayName)
            let planned = entry.facts.actions.filter { $0.stage == focus }
            lines.append(planned.isEmpty ? words.nothingPlanned(for: stage, layer: words.quoted(planLayer))
                : words.planned(for: stage, planned.prefix(Self.listed).map(action).joined(separator: "; ") + more(planned.count)))
        }
        return lines
    }

    /// How many pains and actions a map's lines name.
    private static let listed = 3

    private func more(_ count: Int) -> String {
        count > Self.listed ? " " + words.andMore(count - Self.listed) : ""
    }

    /// "Поправить форму (Сайт, @marketing)".
    private func action(_ action: PlanAction) -> String {
        let details = [action.kind, action.owner.map { "@" + $0 }].compactMap { $0 }
        return action.text.plain + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
    }

    private var header: [String] {
        ["column.stage", "column.conversion", "column.reach", "column.nps", "column.emotion", "column.reading"].map { words[$0] }
    }

    private func text() -> String {
        var text = ""
        for entry in entries {
            text += Self.plain(entry.facts.summary.title) + " (" + Self.plain(entry.facts.slug) + ")"
                + (entry.facts.summary.draft ? " [" + words["draft"] + "]" : "") + "\n"
            for sentence in (entry.analysis?.advice ?? []) + findings(entry) { text += "  " + Self.plain(sentence) + "\n" }
            let table = [header] + rows(entry).map { $0.map(Self.plain) }
            let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
            for row in table {
                text += "  " + zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                    .joined(separator: "  ").trimmingWhitespace() + "\n"
            }
            text += "\n"
        }
        return text
    }

    /// A terminal shows what it is given: control characters an author's text may hold are left out.
    private static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }))
    }

    private func markdown() -> String {
        var text = "## " + words["analysis"] + "\n\n"
        for entry in entries {
            text += "### " + Self.markdownText(entry.facts.summary.title)
                + (entry.facts.summary.draft ? " (" + words["draft"] + ")" : "") + "\n\n"
            let sentences = (entry.analysis?.advice ?? []) + findings(entry)
            for sentence in sentences { text += "- " + Self.markdownText(sentence) + "\n" }
            if !sentences.isEmpty { text += "\n" }
            text += "| " + header.map(Self.markdownText).joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: " --- |", count: header.count) + "\n"
            for row in rows(entry) {
                text += "| " + row.map(Self.markdownText).joined(separator: " | ") + " |\n"
            }
            text += "\n"
        }
        return text
    }

    /// Text that GitHub-flavoured Markdown prints as written, on one line: inline punctuation escaped (`@`, which
    /// would mention someone, too), HTML as entities, and a first character that would start a heading, a list or a
    /// quote escaped too.
    static func markdownText(_ text: String) -> String {
        var result = ""
        for scalar in plain(text).unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!", "@":
                result += "\\" + String(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        if let first = result.first, "#-+=".contains(first) {
            result = "\\" + result
        } else if let marker = Self.orderedListMarker(result) {
            // `1.` starts a list; `1\.` does not (a backslash before a digit would print).
            result.insert("\\", at: marker)
        }
        return result
    }

    /// Where the `.` or `)` after leading digits stands: the text would start an ordered list.
    private static func orderedListMarker(_ text: String) -> String.Index? {
        let rest = text.drop(while: \.isASCIIDigit)
        guard rest.startIndex != text.startIndex, rest.first == "." || rest.first == ")" else { return nil }
        return rest.startIndex
    }

    // MARK: - json

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let maps = entries.map(MapJSON.init)
        let data = (try? encoder.encode(["maps": maps])) ?? Data("{\"maps\": []}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// A computed figure to two decimals: `23.77`, not the `23.774400000000004` the arithmetic gives.
private func rounded(_ value: Double?) -> Double? {
    value.map { ($0 * 100).rounded() / 100 }
}

/// A map in `tropa report --format json`; every field is in `docs/analysis.md`. Absent figures are `null`, so
/// every key is always there.
private struct MapJSON: Encodable {
    let entry: JourneyReport.Entry

    init(_ entry: JourneyReport.Entry) { self.entry = entry }

    enum Keys: String, CodingKey {
        case slug, title, path, draft, audience, evidence, reach, reachAtMost = "reach_at_most"
        case weakestStage = "weakest_stage", weakestConversion = "weakest_conversion"
        case sharpestPain = "sharpest_pain", averageNPS = "average_nps", lowestEmotion = "lowest_emotion"
        case duration, stages, pains, actions, missedTargets = "missed_targets", paths
    }

    func encode(to encoder: Encoder) throws {
        let facts = entry.facts, evaluation = entry.evaluation
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(facts.slug, forKey: .slug)
        try container.encode(facts.summary.title, forKey: .title)
        try container.encode(facts.path, forKey: .path)
        try container.encode(facts.summary.draft, forKey: .draft)
        try container.encode(facts.summary.audience, forKey: .audience)
        try container.encode(facts.summary.evidence?.rawValue, forKey: .evidence)
        try container.encode(rounded(evaluation.finalReach), forKey: .reach)
        try container.encode(rounded(evaluation.reachBound), forKey: .reachAtMost)
        try container.encode(evaluation.weakestStage.map { facts.stages[$0].displayName }, forKey: .weakestStage)
        try container.encode(evaluation.weakestStage.flatMap { facts.stages[$0].figures.conversion?.value },
                             forKey: .weakestConversion)
        try container.encode(evaluation.sharpestPain(on: entry.scale).map { facts.stages[$0].displayName }, forKey: .sharpestPain)
        try container.encode(rounded(evaluation.averageNPS), forKey: .averageNPS)
        try container.encode(evaluation.lowestEmotion, forKey: .lowestEmotion)
        try container.encode(evaluation.timeline.map(DurationJSON.init), forKey: .duration)
        try container.encode(facts.stages.indices.map { StageJSON(entry: entry, index: $0) }, forKey: .stages)
        try container.encode(entry.pains.map { ["stage": facts.stages[$0.stage].displayName, "text": $0.text.plain] },
                             forKey: .pains)
        try container.encode(facts.actions.map { ActionJSON(stage: facts.stages[$0.stage].displayName, action: $0) },
                             forKey: .actions)
        try container.encode(MapHeadline(facts, evaluation: evaluation).missedTargets.map(MissedTargetJSON.init),
                             forKey: .missedTargets)
        try container.encode(evaluation.paths.map { PathJSON(path: $0, stages: facts.stages) }, forKey: .paths)
    }
}

private struct StageJSON: Encodable {
    let entry: JourneyReport.Entry
    let index: Int

    enum Keys: String, CodingKey {
        case name, branch, conversion, conversionTarget = "conversion_target", reach, people, lost, nps, quadrant, emotion
        case durationDays = "duration_days"
    }

    func encode(to encoder: Encoder) throws {
        let stage = entry.facts.stages[index], evaluation = entry.evaluation
        let step = evaluation.funnel.isEmpty ? nil : evaluation.funnel[index]
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(stage.name, forKey: .name)
        try container.encode(stage.branch, forKey: .branch)
        try container.encode(stage.figures.conversion?.value, forKey: .conversion)
        try container.encode(stage.figures.conversion?.target, forKey: .conversionTarget)
        try container.encode(rounded(step?.reach), forKey: .reach)
        try container.encode(step?.people.map { $0.rounded() }, forKey: .people)
        try container.encode(step?.lost.map { $0.rounded() }, forKey: .lost)
        try container.encode(stage.figures.nps?.value, forKey: .nps)
        try container.encode(evaluation.quadrants[index]?.rawValue, forKey: .quadrant)
        try container.encode(rounded(evaluation.stageEmotions[index]), forKey: .emotion)
        try container.encode(rounded(stage.figures.duration?.seconds.map { $0 / DurationUnit.day.seconds }),
                             forKey: .durationDays)
    }
}

/// A way through the map: the branches it takes, how many get all the way along it, and its weakest stage.
private struct PathJSON: Encodable {
    let path: JourneyEvaluation.Path
    let stages: [StageFacts]

    enum Keys: String, CodingKey { case branches, stages, reach, weakestStage = "weakest_stage" }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(path.branches, forKey: .branches)
        try container.encode(path.stages.map { stages[$0].displayName }, forKey: .stages)
        try container.encode(rounded(path.finalReach), forKey: .reach)
        try container.encode(path.weakestStage.map { stages[$0].displayName }, forKey: .weakestStage)
    }
}

/// An item of the plan: its text without its kind and owner, which have keys of their own.
private struct ActionJSON: Encodable {
    let stage: String
    let action: PlanAction

    enum Keys: String, CodingKey { case stage, text, kind, owner }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(stage, forKey: .stage)
        try container.encode(action.text.plain, forKey: .text)
        try container.encode(action.kind, forKey: .kind)
        try container.encode(action.owner, forKey: .owner)
    }
}

private struct MissedTargetJSON: Encodable {
    let stage: String
    let metric: String
    let value: Double
    let target: Double

    init(_ missed: MapHeadline.MissedTarget) {
        stage = missed.stage
        metric = missed.role.rawValue
        value = missed.figure.value
        target = missed.figure.target ?? missed.figure.value
    }
}

private struct DurationJSON: Encodable {
    let timeline: JourneyEvaluation.Timeline

    init(_ timeline: JourneyEvaluation.Timeline) { self.timeline = timeline }

    enum Keys: String, CodingKey { case totalDays = "total_days", estimate, stagesWithDuration = "stages_with_duration" }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(rounded(timeline.totalSeconds / DurationUnit.day.seconds), forKey: .totalDays)
        try container.encode(timeline.isEstimate, forKey: .estimate)
        try container.encode(timeline.stagesWithDuration, forKey: .stagesWithDuration)
    }
}
