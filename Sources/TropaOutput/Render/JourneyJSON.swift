import TropaModel
import TropaAnalysis

/// A map as data (`journey.json`) and the site's list of maps (`maps.json`), in the shapes docs/journey.schema.json
/// and docs/maps.schema.json publish. Keys are sorted and numbers written as Swift writes them: the same input gives
/// the same bytes.
package enum JourneyJSON {
    /// The version of both shapes, written into each file: it changes when a shape does.
    package static let format = 1

    package static func bytes(_ journey: Journey, facts: JourneyFacts, evaluation: JourneyEvaluation,
                              presenter: SitePresenter) -> [UInt8] {
        JSONWriter.bytes(document(journey, facts: facts, evaluation: evaluation, presenter: presenter))
    }

    /// The site's maps, each with what the catalogue shows of it: from recorded facts, like the catalogue. In
    /// parts, each made as it is written.
    package static func maps(_ entries: [SitePageEntry], presenter: SitePresenter) -> FileParts {
        JSONWriter.parts(document(entries, presenter: presenter))
    }

    static func document(_ journey: Journey, facts: JourneyFacts, evaluation: JourneyEvaluation,
                         presenter: SitePresenter) -> MapDocument {
        let schema = presenter.site.schema
        let persona = presenter.site.persona(id: journey.personaID)
        return MapDocument(
            format: format, title: journey.title, slug: facts.slug, source: journey.path,
            persona: journey.personaID.map { PersonaRef(id: $0, name: persona?.name) },
            product: journey.product, segment: journey.segment, tags: journey.tags, updated: journey.updated,
            draft: journey.draft, audience: journey.audience, evidence: journey.evidence?.rawValue,
            scale: Scale(min: schema.scale.lowerBound, max: schema.scale.upperBound),
            introduction: Text(journey.introduction),
            stages: zip(journey.stages, facts.stages).map { stage, stageFacts in
                StageDocument(id: stage.id.rawValue, name: stage.name, branch: stage.branch,
                              description: stage.description.isEmpty ? nil : Text(stage.description),
                              layers: stage.layers.map { layer(of: $0, presenter: presenter) },
                              figures: Figures(stageFacts.figures))
            },
            analysis: Analysis(facts, evaluation: evaluation),
            measurements: journey.measurementsFile == nil ? nil : journey.measurements.map { row in
                MeasurementDocument(date: row.date, stage: row.stage.rawValue, metric: metric(row.value, presenter: presenter))
            },
            review: facts.summary.review)
    }

    static func document(_ entries: [SitePageEntry], presenter: SitePresenter) -> SiteDocument {
        SiteDocument(format: format, title: presenter.siteTitle, language: presenter.site.config.language.rawValue,
                     // Each made as it is written: 10,000 entries with their lists of files were 10 MB beside the
                     // other site pages.
                     maps: MadeWhenRead(count: entries.count) { place in
            let entry = entries[place], summary = entry.summary
            let folder = PagePaths.journeyFolder(summary.slug) + "/"
            return MapEntry(
                title: summary.title, slug: summary.slug, page: folder,
                files: MapOutput.all.filter { $0.label != nil && $0.isMade(!entry.curve.isEmpty) }.map { folder + $0.fileName },
                persona: summary.personaID, product: summary.product, segment: summary.segment, tags: summary.tags,
                draft: summary.draft, stageCount: summary.stageCount, audience: summary.audience,
                evidence: summary.evidence?.rawValue, review: summary.review, summary: Headline(entry.headline))
        })
    }

    /// A computed figure to two decimals, as the pages round it at most: no binary noise (`984.0000000000001`).
    static func hundredths(_ value: Double?) -> Double? {
        value.map { ($0 * 100).rounded() / 100 }
    }

    private static func layer(of layer: Layer, presenter: SitePresenter) -> LayerDocument {
        let definition = presenter.site.schema.layer(id: layer.layerID)
        var document = LayerDocument(id: layer.layerID, title: definition.map(presenter.title(of:)) ?? layer.heading,
                                     heading: layer.heading, kind: definition?.kind.rawValue ?? "text")
        switch layer.content {
        case .text(let text):
            document.kind = LayerKind.text.rawValue
            document.text = Text(text)
        case .list(let items):
            document.kind = LayerKind.list.rawValue
            document.items = items.map {
                Item(html: $0.text.html, text: $0.text.plain, tone: $0.tone?.rawValue, kind: $0.kind, owner: $0.owner)
            }
        case .emotion(let points):
            document.kind = LayerKind.emotion.rawValue
            document.points = points.map { Point(score: $0.score, label: $0.label) }
        case .metrics(let values):
            document.kind = LayerKind.metrics.rawValue
            document.metrics = values.map { metric($0, presenter: presenter) }
        }
        return document
    }

    private static func metric(_ value: MetricValue, presenter: SitePresenter) -> Metric {
        Metric(id: value.metricID, name: value.name, value: value.value, unit: Unit(value.unit),
               range: value.range.map { [$0.lowerBound, $0.upperBound] }, target: value.target,
               text: presenter.format.value(value.value, range: value.range, unit: value.unit))
    }

    struct MapDocument: JSONWritable {
        let format: Int
        let title: String
        let slug: String
        let source: String
        let persona: PersonaRef?
        let product: String?
        let segment: String?
        let tags: [String]
        let updated: String?
        let draft: Bool
        let audience: Double?
        let evidence: String?
        let scale: Scale
        let introduction: Text
        let stages: [StageDocument]
        let analysis: Analysis
        /// The rows of the map's measurements file, in the file's order; nil for a map that names none.
        let measurements: [MeasurementDocument]?
        let review: ReviewDates?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("analysis", analysis)
                json.member("audience", audience)
                json.member("draft", draft)
                json.member("evidence", evidence)
                json.member("format", format)
                json.member("introduction", introduction)
                json.member("measurements", measurements)
                json.member("persona", persona)
                json.member("product", product)
                json.member("review", review)
                json.member("scale", scale)
                json.member("segment", segment)
                json.member("slug", slug)
                json.member("source", source)
                json.member("stages", stages)
                json.member("tags", tags)
                json.member("title", title)
                json.member("updated", updated)
            }
        }
    }

    /// A row of the measurements file: its day, the stage's id and the value as a metrics layer's.
    struct MeasurementDocument: JSONWritable {
        let date: String
        let stage: String
        let metric: Metric

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("date", date)
                json.member("metric", metric)
                json.member("stage", stage)
            }
        }
    }

    struct PersonaRef: JSONWritable {
        let id: String
        let name: String?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("id", id)
                json.member("name", name)
            }
        }
    }

    struct Scale: JSONWritable {
        let min: Double
        let max: Double

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("max", max)
                json.member("min", min)
            }
        }
    }

    /// Markdown as safe HTML and as plain text.
    struct Text: JSONWritable {
        let html: String
        let text: String
        init(_ rich: RichText) {
            html = rich.html
            text = rich.plain
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("html", html)
                json.member("text", text)
            }
        }
    }

    struct StageDocument: JSONWritable {
        let id: String
        let name: String
        let branch: String?
        let description: Text?
        let layers: [LayerDocument]
        let figures: Figures

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("branch", branch)
                json.member("description", description)
                json.member("figures", figures)
                json.member("id", id)
                json.member("layers", layers)
                json.member("name", name)
            }
        }
    }

    struct LayerDocument: JSONWritable {
        let id: String
        let title: String
        let heading: String
        var kind: String
        var text: Text?
        var items: [Item]?
        var points: [Point]?
        var metrics: [Metric]?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("heading", heading)
                json.member("id", id)
                json.member("items", items)
                json.member("kind", kind)
                json.member("metrics", metrics)
                json.member("points", points)
                json.member("text", text)
                json.member("title", title)
            }
        }
    }

    struct Item: JSONWritable {
        let html: String
        let text: String
        let tone: String?
        /// An action's kind and owner, taken out of its text.
        let kind: String?
        let owner: String?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("html", html)
                json.member("kind", kind)
                json.member("owner", owner)
                json.member("text", text)
                json.member("tone", tone)
            }
        }
    }

    struct Point: JSONWritable {
        let score: Double
        let label: String

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("label", label)
                json.member("score", score)
            }
        }
    }

    struct Metric: JSONWritable {
        let id: String?
        let name: String
        let value: Double
        let unit: Unit
        let range: [Double]?
        let target: Double?
        /// The value with its unit, as the page shows it.
        let text: String

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("id", id)
                json.member("name", name)
                json.member("range", range)
                json.member("target", target)
                json.member("text", text)
                json.member("unit", unit)
                json.member("value", value)
            }
        }
    }

    /// `percent`, `plain`, `duration` with the unit of time, or `other` with the unit as written.
    struct Unit: JSONWritable {
        let kind: String
        let name: String?
        init(_ unit: ValueUnit) {
            switch unit {
            case .plain: (kind, name) = ("plain", nil)
            case .percent: (kind, name) = ("percent", nil)
            case .duration(let duration): (kind, name) = ("duration", duration.rawValue)
            case .other(let text): (kind, name) = ("other", text)
            }
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("kind", kind)
                json.member("name", name)
            }
        }
    }

    struct FigureDocument: JSONWritable {
        let value: Double
        let unit: Unit
        let range: [Double]?
        let target: Double?
        init(_ figure: Figure) {
            value = figure.value
            unit = Unit(figure.unit)
            range = figure.range.map { [$0.lowerBound, $0.upperBound] }
            target = figure.target
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("range", range)
                json.member("target", target)
                json.member("unit", unit)
                json.member("value", value)
            }
        }
    }

    /// A stage's figures by role, whatever the schema calls the metrics.
    struct Figures: JSONWritable {
        let conversion: FigureDocument?
        let nps: FigureDocument?
        let csat: FigureDocument?
        let duration: FigureDocument?
        init(_ figures: StageFigures) {
            conversion = figures.conversion.map(FigureDocument.init)
            nps = figures.nps.map(FigureDocument.init)
            csat = figures.csat.map(FigureDocument.init)
            duration = figures.duration.map(FigureDocument.init)
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("conversion", conversion)
                json.member("csat", csat)
                json.member("duration", duration)
                json.member("nps", nps)
            }
        }
    }

    struct FunnelStep: JSONWritable {
        let stage: Int
        let reach: Double?
        let people: Double?
        let lost: Double?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("lost", lost)
                json.member("people", people)
                json.member("reach", reach)
                json.member("stage", stage)
            }
        }
    }

    /// The evaluation's figures (docs/analysis.md says what each is); stages by their index in `stages`.
    struct Analysis: JSONWritable {
        let funnel: [FunnelStep]
        let finalReach: Double?
        let reachBound: Double?
        let weakestStage: Int?
        let lowestStage: Int?
        let averageNPS: Double?
        let lowestEmotion: Double?
        /// The stages of each way through a branched map; absent for a map without forks.
        let paths: [[Int]]?
        init(_ facts: JourneyFacts, evaluation: JourneyEvaluation) {
            funnel = evaluation.funnel.map {
                // Customers are whole people, as the page and the report count them.
                FunnelStep(stage: $0.stage, reach: hundredths($0.reach), people: $0.people.map { $0.rounded() },
                           lost: $0.lost.map { $0.rounded() })
            }
            finalReach = hundredths(evaluation.finalReach)
            reachBound = hundredths(evaluation.reachBound)
            weakestStage = evaluation.weakestStage
            lowestStage = evaluation.lowestStage
            averageNPS = hundredths(evaluation.averageNPS)
            lowestEmotion = evaluation.lowestEmotion
            paths = evaluation.paths.count < 2 ? nil : evaluation.paths.map(\.stages)
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("averageNPS", averageNPS)
                json.member("finalReach", finalReach)
                json.member("funnel", funnel)
                json.member("lowestEmotion", lowestEmotion)
                json.member("lowestStage", lowestStage)
                if let paths {
                    json.key("paths")
                    json.array(paths) { json, path in json.array(path) { json, stage in json.number(stage) } }
                }
                json.member("reachBound", reachBound)
                json.member("weakestStage", weakestStage)
            }
        }
    }

    struct SiteDocument: JSONWritable {
        let format: Int
        let title: String
        let language: String
        let maps: MadeWhenRead<MapEntry>

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("format", format)
                json.member("language", language)
                json.member("maps", entries: maps)
                json.member("title", title)
            }
        }
    }

    struct MapEntry: JSONWritable {
        let title: String
        let slug: String
        /// The map's page folder and its downloadable files, relative to `maps.json`.
        let page: String
        let files: [String]
        let persona: String?
        let product: String?
        let segment: String?
        let tags: [String]
        let draft: Bool
        let stageCount: Int
        let audience: Double?
        let evidence: String?
        let review: ReviewDates?
        let summary: Headline

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("audience", audience)
                json.member("draft", draft)
                json.member("evidence", evidence)
                json.member("files", files)
                json.member("page", page)
                json.member("persona", persona)
                json.member("product", product)
                json.member("review", review)
                json.member("segment", segment)
                json.member("slug", slug)
                json.member("stageCount", stageCount)
                json.member("summary", summary)
                json.member("tags", tags)
                json.member("title", title)
            }
        }
    }

    struct MissedTarget: JSONWritable {
        let stage: String
        let role: String
        let figure: FigureDocument

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("figure", figure)
                json.member("role", role)
                json.member("stage", stage)
            }
        }
    }

    /// What the dashboard shows of a map.
    struct Headline: JSONWritable {
        let finalReach: Double?
        let reachBound: Double?
        let weakestStage: String?
        let weakestConversion: FigureDocument?
        let averageNPS: Double?
        let lowestEmotion: Double?
        let missedTargets: [MissedTarget]
        init(_ headline: MapHeadline) {
            finalReach = hundredths(headline.finalReach)
            reachBound = hundredths(headline.reachBound)
            weakestStage = headline.weakestStage
            weakestConversion = headline.weakestConversion.map(FigureDocument.init)
            averageNPS = hundredths(headline.averageNPS)
            lowestEmotion = headline.lowestEmotion
            missedTargets = headline.missedTargets.map {
                MissedTarget(stage: $0.stage, role: $0.role.rawValue, figure: FigureDocument($0.figure))
            }
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("averageNPS", averageNPS)
                json.member("finalReach", finalReach)
                json.member("lowestEmotion", lowestEmotion)
                json.member("missedTargets", missedTargets)
                json.member("reachBound", reachBound)
                json.member("weakestConversion", weakestConversion)
                json.member("weakestStage", weakestStage)
            }
        }
    }
}

/// How often the map is measured (`{"months": 1}`, `{"days": 14}`), the last review and the next, by the map's dates
/// alone: in `journey.json` and in `maps.json`'s entry.
extension ReviewDates: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            if let every {
                json.key("every")
                json.object { json in
                    switch every {
                    case .days(let count): json.member("days", count)
                    case .months(let count): json.member("months", count)
                    }
                }
            }
            json.member("last", last)
            json.member("measured", measured)
            json.member("next", next)
        }
    }
}
