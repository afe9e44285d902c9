import TropaModel
import TropaAnalysis

/// The evaluation of a map worded for its page: the advice, the charts' data and their descriptions, the
/// readings and the pain points. Geometry is the renderer's.
extension SitePresenter {
    /// Nil when the map has nothing to evaluate: no conversion, NPS, duration, pain point or emotion.
    package func analysis(_ journey: Journey, facts: JourneyFacts, evaluation: JourneyEvaluation) -> AnalysisModel? {
        let names = facts.stages.map(\.displayName)
        var advice: [String] = []
        if let weakest = evaluation.weakestStage, let conversion = facts.stages[weakest].figures.conversion {
            advice.append(words.startWith(names[weakest], conversion: figure(conversion)))
        }
        if let pain = evaluation.markedPain(on: site.schema.scale), let lowest = evaluation.lowestEmotion {
            advice.append(words.sharpestPain(names[pain], score: format.score(lowest)))
        }
        if let through = evaluation.finalReach {
            let people = facts.summary.audience.map { audience in
                words.partOf(format.number((audience * through / 100).rounded()), format.number(audience))
            }
            if evaluation.paths.count > 1 {
                // No one goes through every stage of a fork: the figure is that of the path that loses the most.
                let path = evaluation.paths.first { $0.finalReach.map { abs($0 - through) < 1e-9 } ?? false }
                advice.append(words.getThroughWorstPath(format.percent(through), people: people,
                                                        path: path.map { pathName($0.branches) }))
            } else {
                advice.append(words.getThrough(format.percent(through), people: people))
            }
        }
        let missed = facts.stages.filter { stage in
            stage.figures.roles.contains { stage.figures[$0]!.missesTarget(as: $0) }
        }
        if !missed.isEmpty { advice.append(words.missedTargets(missed.map(\.displayName))) }
        let pains = JourneyAnalysis(schema: site.schema, contentPath: site.config.contentPath)
            .pains(of: journey, evaluation: evaluation)
            .map { PainModel(html: $0.text.html, stage: names[$0.stage]) }
        let headings = AnalysisHeadings(analysis: words["analysis"], funnel: words["funnel"], quadrant: words["quadrant"],
                                        quadrantNote: words["quadrantNote"], pains: words["pains"],
                                        timeline: words["timeline"])
        let model = AnalysisModel(headings: headings, advice: advice, funnels: funnels(facts, evaluation: evaluation),
                                  quadrant: quadrant(facts, evaluation: evaluation),
                                  readings: readings(facts, evaluation: evaluation), pains: pains,
                                  timeline: timeline(facts, evaluation: evaluation),
                                  total: evaluation.timeline.map { total($0, forked: evaluation.paths.count > 1) })
        return model.advice.isEmpty && !model.hasDetails ? nil : model
    }

    /// The marks the analysis puts on the stages' headers.
    package func stageMarks(_ facts: JourneyFacts, evaluation: JourneyEvaluation) -> [[StageMarkModel]] {
        let pain = evaluation.markedPain(on: site.schema.scale)
        return facts.stages.indices.map { index in
            var marks: [StageMarkModel] = []
            if index == evaluation.weakestStage { marks.append(StageMarkModel(kind: "weakest", text: words["mark.weakest"])) }
            if index == pain {
                marks.append(StageMarkModel(kind: "pain", text: words["mark.pain"]))
            }
            return marks
        }
    }

    /// The marks the analysis puts on the page's curve.
    package func curveMarks(_ facts: JourneyFacts, evaluation: JourneyEvaluation) -> CurveMarks {
        var marks = CurveMarks()
        marks.weakestStage = evaluation.weakestStage
        marks.weakestText = words["mark.weakest"]
        if evaluation.markedPain(on: site.schema.scale) != nil { marks.lowestPoint = evaluation.lowestPoint }
        marks.lowestText = words["mark.pain"]
        marks.sharpDrops = evaluation.sharpDrops
        marks.dropText = words["mark.drop"]
        return marks
    }

    package func evidence(_ evidence: Evidence?) -> EvidenceModel? {
        evidence.map { EvidenceModel(kind: $0.rawValue, text: words["evidence." + $0.rawValue], objective: $0.isObjective) }
    }

    /// A figure as written, with its range.
    package func figure(_ figure: Figure) -> String {
        format.value(figure.value, range: figure.range, unit: figure.unit)
    }

    /// How far a figure is from its target: `−12 п. п.` for a percentage, `+3 дня` for a duration.
    package func gap(_ figure: Figure) -> String? {
        figure.target.map { difference(figure.value - $0, unit: figure.unit) }
    }

    /// A difference with its sign, in percentage points for percentages.
    package func difference(_ difference: Double, unit: ValueUnit) -> String {
        let sign = difference > 0 ? "+" : ""
        return unit == .percent ? sign + format.number(difference) + "\u{00A0}" + words["pp"]
            : sign + format.value(difference, unit: unit)
    }

    /// "цель 45 %", and whether it is missed, for a metric with a target.
    package func target(_ value: Double?, unit: ValueUnit, missed: Bool) -> (target: String?, missed: String?) {
        guard let value else { return (nil, nil) }
        return (words["target"] + " " + format.value(value, unit: unit), missed ? words["targetMissed"] : nil)
    }

    /// Every built map's headline, the maps that let the fewest customers through first (by what is known of it
    /// when a stage has no conversion); maps without a conversion after them, by title.
    package func dashboardPage(_ maps: [SitePageEntry]) -> DashboardPageModel {
        let page = context(forPageAt: PagePaths.dashboard)
        // Each place made once: its title's key is not made again at every comparison.
        let places = maps.map(\.dashboardPlace)
        let ordered = maps.indices.sorted { places[$0] < places[$1] }.map { maps[$0] }
        let rows = ordered.map { map in
            let headline = map.headline
            return DashboardRowModel(
                title: map.summary.title, url: page.root + PagePaths.journeyFolder(map.summary.slug) + "/index.html",
                draft: map.summary.draft,
                reach: headline.finalReach.map(format.percent)
                    ?? headline.reachBound.map { words.atMost(format.percent($0)) },
                weakestStage: headline.weakestStage, weakestConversion: headline.weakestConversion.map(figure),
                averageNPS: headline.averageNPS.map { format.score(Self.tenth($0)) },
                lowestEmotion: headline.lowestEmotion.map(format.score), evidence: evidence(map.summary.evidence),
                missedTargets: headline.missedTargets.map { missed in
                    words.missedTarget(missed.stage, value: figure(missed.figure),
                                       target: format.value(missed.figure.target!, unit: missed.figure.unit),
                                       gap: gap(missed.figure)!)
                },
                review: review(map.summary.review))
        }
        return DashboardPageModel(page: page, title: words["dashboard"], rows: rows)
    }

    // MARK: - charts

    /// "3. Визит в шоурум (Офлайн)": a stage by its number, and its branch when it has one.
    package func stageLabel(_ facts: JourneyFacts, _ index: Int) -> String {
        "\(index + 1). \(facts.stages[index].displayName)"
    }

    /// The funnel, or one per path of a branched map: reach differs along each.
    private func funnels(_ facts: JourneyFacts, evaluation: JourneyEvaluation) -> [BarChartModel] {
        guard !evaluation.funnel.isEmpty else { return [] }
        guard evaluation.paths.count > 1 else {
            return [funnel(evaluation.paths[0].funnel, id: "funnel", facts: facts, weakest: evaluation.weakestStage)]
        }
        return evaluation.paths.enumerated().map { index, path in
            var chart = funnel(path.funnel, id: "funnel-\(index + 1)", facts: facts, weakest: path.weakestStage,
                               path: pathName(path.branches))
            chart.caption = words["path"] + ": " + pathName(path.branches)
            return chart
        }
    }

    /// A path by the branches it takes: "Онлайн → Остаётся".
    package func pathName(_ branches: [String]) -> String {
        branches.isEmpty ? words["mainPath"] : branches.joined(separator: " → ")
    }

    private func funnel(_ steps: [JourneyEvaluation.FunnelStep], id: String, facts: JourneyFacts, weakest: Int?,
                        path: String? = nil) -> BarChartModel {
        let rows = steps.map { step -> BarChartModel.Row in
            var parts: [String] = []
            var kind = ""
            if let conversion = step.conversion {
                var text = words["conversion"] + " " + figure(conversion)
                let (target, missed) = target(conversion.target, unit: conversion.unit,
                                              missed: conversion.missesTarget(as: .conversion))
                if let target, let gap = gap(conversion) {
                    text += " (" + ([target] + [missed].compactMap { $0 }).joined(separator: ", ") + ": " + gap + ")"
                }
                if missed != nil { kind = "missed" }
                parts.append(text)
            } else {
                parts.append(words["noConversion"])
                kind = "unknown"
            }
            if let reach = step.reach {
                parts.append(words["reach"] + " " + format.percent(reach))
            } else {
                parts.append(words["notReached"])
            }
            if let people = step.people {
                var text = words.customers(people.rounded(), format.number(people.rounded()))
                if let lost = step.lost { text += ", " + words.lost(format.number(lost.rounded())) }
                parts.append(text)
            }
            if step.stage == weakest {
                kind = "weakest"
                parts.insert(words["mark.weakest"], at: 0)
            }
            return BarChartModel.Row(label: stageLabel(facts, step.stage), start: 0,
                                     length: step.reach.map { $0 / 100 }, note: parts.joined(separator: " · "), kind: kind)
        }
        let title = words["funnel"] + (path.map { " (" + words["path"] + ": " + $0 + ")" } ?? "") + ": " + facts.summary.title
        return BarChartModel(id: id, title: title, description: Self.describe(rows), rows: rows)
    }

    private func timeline(_ facts: JourneyFacts, evaluation: JourneyEvaluation) -> BarChartModel? {
        guard let timeline = evaluation.timeline, timeline.totalSeconds > 0 else { return nil }
        let rows = timeline.seconds.enumerated().map { index, seconds -> BarChartModel.Row in
            // Alternatives start together: a stage starts when the stages before it in the flow end.
            let start = timeline.starts[index] / timeline.totalSeconds
            guard let seconds, let duration = facts.stages[index].figures.duration else {
                return BarChartModel.Row(label: stageLabel(facts, index), start: start, length: nil,
                                         note: words["noDuration"], kind: "unknown")
            }
            return BarChartModel.Row(label: stageLabel(facts, index), start: start,
                                     length: seconds / timeline.totalSeconds, note: figure(duration),
                                     kind: duration.missesTarget(as: .duration) ? "missed" : "")
        }
        return BarChartModel(id: "timeline", title: words["timeline"] + ": " + facts.summary.title,
                             description: Self.describe(rows) + ". " + total(timeline, forked: evaluation.paths.count > 1),
                             rows: rows)
    }

    private func total(_ timeline: JourneyEvaluation.Timeline, forked: Bool) -> String {
        let length = format.value(Self.tenth(timeline.totalSeconds / timeline.unit.seconds), unit: .duration(timeline.unit))
        return words.total(length, estimate: timeline.isEstimate, stages: timeline.stagesWithDuration,
                           of: timeline.longestWay.count, forked: forked)
    }

    /// An average to a tenth.
    package static func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    private static func describe(_ rows: [BarChartModel.Row]) -> String {
        rows.map { $0.label + ": " + $0.note }.joined(separator: "; ")
    }

    private func quadrant(_ facts: JourneyFacts, evaluation: JourneyEvaluation) -> QuadrantChartModel? {
        guard let split = evaluation.quadrantSplit else { return nil }
        let points = facts.stages.indices.filter { evaluation.quadrants[$0] != nil }.map { index in
            QuadrantChartModel.Point(number: index + 1, conversion: facts.stages[index].figures.conversion!.value,
                                     nps: facts.stages[index].figures.nps!.value)
        }
        let readings = readings(facts, evaluation: evaluation)
        let averages = "\(words["conversion"]) \(format.percent(split.conversion)), NPS \(format.score(Self.tenth(split.nps)))"
        return QuadrantChartModel(
            title: words["quadrant"] + ": " + facts.summary.title,
            description: words["quadrantNote"] + " " + words["averages"] + ": " + averages + ". "
                + readings.map { "\($0.number). \($0.stage) — \($0.figures): \($0.reading)" }.joined(separator: " "),
            points: points, split: split, conversionAxis: words["conversion"], npsAxis: "NPS",
            quadrantNames: [Quadrant.npsHighConversionLow, .bothHigh, .bothLow, .npsLowConversionHigh].map {
                words["quadrantName." + $0.rawValue]
            })
    }

    private func readings(_ facts: JourneyFacts, evaluation: JourneyEvaluation) -> [ReadingModel] {
        facts.stages.indices.compactMap { index in
            guard let quadrant = evaluation.quadrants[index], let conversion = facts.stages[index].figures.conversion,
                  let nps = facts.stages[index].figures.nps else { return nil }
            // The quadrants are split at the map's averages: an NPS above a map's average of −20 may still be below
            // zero, and one below an average of +40 above it; the reading says so.
            let caveat = quadrant.npsHigh && nps.value < 0 ? " " + words["quadrant.npsBelowZero"]
                : !quadrant.npsHigh && nps.value > 0 ? " " + words["quadrant.npsAboveZero"] : ""
            return ReadingModel(number: index + 1, stage: facts.stages[index].displayName,
                                figures: "\(words["conversion"]) \(figure(conversion)), NPS \(figure(nps))",
                                quadrant: quadrant.rawValue, reading: words["quadrant." + quadrant.rawValue] + caveat)
        }
    }
}

/// What places a map's row on the dashboard: the maps that let the fewest customers through first (by the bound of
/// it when a stage has no conversion), then the maps without one; among equals by title as the catalogue sorts
/// them (`NameKey`: «Ёлка» with «Ель», not before «Арбуз»), then slug.
package struct DashboardPlace: Comparable, Sendable {
    package var reachBound: Double?
    package var titleKey: String
    package var slug: String

    package init(reachBound: Double?, title: String, slug: String) {
        (self.reachBound, titleKey, self.slug) = (reachBound, NameKey(title).value, slug)
    }

    package static func < (a: DashboardPlace, b: DashboardPlace) -> Bool {
        boundOrder(a.reachBound, b.reachBound) ?? ((a.titleKey, a.slug) < (b.titleKey, b.slug))
    }

    /// The order of two rows by their bounds alone, a row without one last; nil when they tie, and the titles
    /// decide.
    package static func boundOrder(_ a: Double?, _ b: Double?) -> Bool? {
        switch (a, b) {
        case (let x?, let y?) where x != y: x < y
        case (.some, nil): true
        case (nil, .some): false
        default: nil
        }
    }
}

extension SitePageEntry {
    package var dashboardPlace: DashboardPlace {
        DashboardPlace(reachBound: headline.reachBound, title: summary.title, slug: summary.slug)
    }
}

extension MapOutline {
    package var dashboardPlace: DashboardPlace { DashboardPlace(reachBound: reachBound, title: title, slug: slug) }
}
