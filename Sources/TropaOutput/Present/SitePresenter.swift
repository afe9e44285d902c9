import TropaModel
import TropaAnalysis

/// Turns the validated site into view models: words in the site's language, figures formatted, links relative.
package struct SitePresenter: Sendable {
    package let site: Site
    package let words: ThemeWords
    package let format: NumberFormat
    /// Whether a map's sparkline is drawn once and kept with its entry for all its cards: a rebuild shows five cards
    /// or more of each map again, and the preview keeps the entries between saves. A full build draws each card's,
    /// since the drawings kept (10 MB at 10,000 maps) would add to its peak of memory.
    package let keepsSparklines: Bool

    package init(site: Site, keepsSparklines: Bool = false) {
        self.site = site
        self.keepsSparklines = keepsSparklines
        words = ThemeWords(site.config.language)
        format = NumberFormat(language: site.config.language, signedScores: site.schema.scale.lowerBound < 0)
    }

    package var siteTitle: String { site.config.title ?? words["catalogue"] }

    /// The context of a page written at `path` (relative to the output root).
    package func context(forPageAt path: String) -> PageContext {
        let depth = path.split(separator: "/").count - 1
        return PageContext(lang: site.config.language.rawValue, words: words.all, siteTitle: siteTitle,
                           root: String(repeating: "../", count: depth), generator: "tropa \(Tropa.version)")
    }

    // MARK: - journey

    /// The map's emotion curve in units of the scale, or nil when no stage has a score: the renderer draws it.
    package func curve(_ facts: JourneyFacts, evaluation: JourneyEvaluation) -> CurveModel? {
        // A line per path of a branched map, named by the branches it takes: as many as there are dashes to tell
        // them apart without colour (the funnels list the rest).
        let lines = evaluation.paths.count < 2 ? [] : evaluation.paths.prefix(EmotionCurveSVG.dashes.count).map {
            CurveLine(stages: $0.stages, label: pathName($0.branches))
        }
        return facts.emotions.first.map { series in
            CurveModel(title: facts.summary.title, stageNames: facts.stages.map(\.displayName), stageCount: facts.stages.count,
                       series: series, scale: site.schema.scale, marks: curveMarks(facts, evaluation: evaluation),
                       lines: lines)
        }
    }

    /// The row of a branched map's table above the stages' names: each branch's label over its stages.
    private func branchCells(_ stages: [Stage]) -> [BranchCellModel] {
        guard stages.contains(where: { $0.branch != nil }) else { return [] }
        var cells: [BranchCellModel] = []
        for (index, stage) in stages.enumerated() {
            if let label = stage.branch, index > 0, stages[index - 1].branch == label {
                cells[cells.count - 1] = BranchCellModel(span: cells[cells.count - 1].span + 1, label: label)
            } else {
                cells.append(BranchCellModel(span: 1, label: stage.branch))
            }
        }
        return cells
    }

    /// `evaluation`, when the caller has it already, saves making it again.
    package func journeyPage(_ journey: Journey, facts: JourneyFacts, evaluation: JourneyEvaluation? = nil) -> JourneyPageModel {
        let path = PagePaths.journeyFolder(facts.slug) + "/index.html"
        let page = context(forPageAt: path)
        let evaluation = evaluation ?? JourneyEvaluation(facts)
        let usedLayers = site.schema.layers.filter { definition in
            journey.stages.contains { $0.layer(id: definition.id) != nil }
        }
        // The measurements that stand for the map's figures: each is told in its metric's cell, as the analysis uses it.
        let measured = Dictionary(JourneyAnalysis.current(journey).map { ($0.series, $0) }, uniquingKeysWith: { _, last in last })
        let rows = usedLayers.map { definition in
            let cells = journey.stages.map { stage in
                cell(stage.layer(id: definition.id)?.content) { measured[MeasurementSeries(stage: stage.id, metric: $0.key)] }
            }
            return LayerRowModel(id: definition.id, title: title(of: definition), kind: definition.kind.rawValue,
                                 cells: cells, sparse: Self.isSparse(filled: cells.count { !$0.isEmpty }, of: cells.count))
        }
        let described = journey.stages.count { !$0.description.isEmpty }
        let persona = site.persona(id: journey.personaID)
        let curve = curve(facts, evaluation: evaluation)
        let marks = stageMarks(facts, evaluation: evaluation)
        return JourneyPageModel(
            page: page, title: journey.title, product: journey.product,
            segment: journey.segment.map { Link(title: $0, url: page.root + PagePaths.segment(Slug.forName($0))) },
            tags: journey.tags.map { Link(title: $0, url: page.root + PagePaths.tag(Slug.forName($0))) },
            comparisonURL: journey.compare.isEmpty ? nil : page.root + PagePaths.comparison(ofMap: facts.slug),
            updated: journey.updated.map(words.date), review: review(facts.summary.review), draft: journey.draft,
            evidence: evidence(journey.evidence),
            persona: persona.map { personaCard($0, root: page.root) },
            introductionHTML: journey.introduction.html,
            analysis: analysis(journey, facts: facts, evaluation: evaluation).map { model in
                var model = model
                let analysis = JourneyAnalysis(schema: site.schema, contentPath: site.config.contentPath)
                model.measuredOn = analysis.figuresDate(journey).map { words.figuresMeasured(words.date($0), since: journey.updated.map(words.date)) }
                    ?? analysis.setAside(journey).map {
                        words.figuresSetAside(metrics: $0.metrics, last: words.date($0.last), updated: words.date(journey.updated!))
                    }
                return model
            }, curve: curve,
            stageCount: journey.stages.count, branchCells: branchCells(journey.stages),
            stages: zip(zip(journey.stages, StageID.anchors(journey.stages.map(\.id))), marks).map {
                StageColumnModel(name: $0.0.name, anchor: $0.1, descriptionHTML: $0.0.description.html, marks: $1)
            },
            hasStageDescriptions: described > 0,
            sparseStageDescriptions: Self.isSparse(filled: described, of: journey.stages.count),
            rows: rows, outline: outline(journey),
            downloads: DownloadsModel(MapOutput.chosen(by: site.config).filter { $0.label != nil && $0.isMade(curve != nil) }.map {
                DownloadModel(key: $0.key, file: $0.fileName, label: words[$0.label!])
            }), trends: trends(journey))
    }

    /// A row of the table is sparse when more than half of its stages are empty: its few entries would make it as
    /// tall as a full row, so the theme sets it tighter.
    package static func isSparse(filled: Int, of stages: Int) -> Bool { filled * 2 < stages }

    package func title(of layer: LayerDefinition) -> String {
        layer.title.text(in: site.config.language, fallback: layer.id)
    }

    /// `measurement`: the latest measurement of a metric of the cell's stage (of `updated`'s day or later), if any;
    /// for a metric with a role, it is the figure the analysis uses.
    private func cell(_ content: LayerContent?, measurement: (MetricValue) -> Measurement?) -> CellModel {
        var cell = CellModel()
        switch content {
        case .text(let text)?:
            cell.text = text.isEmpty ? nil : text.html
        case .list(let items)?:
            cell.list = items.isEmpty ? nil : ItemsModel(items: items.map { item in
                ListItemModel(html: item.text.html, tone: item.tone?.rawValue, toneWord: item.tone.map { words[$0.rawValue] },
                              kind: item.kind, owner: item.owner.map { "@" + $0 })
            })
        case .emotion(let points)?:
            cell.emotions = points.isEmpty ? nil : ItemsModel(items: points.map { point in
                let level = Self.level(point.score, scale: site.schema.scale)
                return EmotionModel(score: format.score(point.score), face: Self.faces[level], mood: Self.moods[level],
                                    label: point.label.isEmpty ? nil : point.label)
            })
        case .metrics(let values)?:
            cell.metrics = values.isEmpty ? nil : ItemsModel(items: values.map { value in
                let role = value.metricID.flatMap { id in site.schema.metrics.first { $0.id == id }?.role }
                // The target is judged on the figure that stands, a measurement's when one does, with the layer's
                // target when it names none: as the analysis judges it.
                let taken = measurement(value)
                let standing = taken?.value ?? value
                let targetValue = standing.target ?? value.target.flatMap { value.unit.convert($0, to: standing.unit) }
                let missed = targetValue.map { MetricRole.misses(standing.value, target: $0, role: role) } ?? false
                let (target, missedWord) = target(targetValue, unit: standing.unit, missed: missed)
                let shown = format.value(value.value, range: value.range, unit: value.unit)
                var model = MetricModel(name: metricName(value), value: shown, target: target, missed: missedWord)
                model.measured = taken.map { taken in
                    let measured = format.value(taken.value.value, range: taken.value.range, unit: taken.value.unit)
                    return words.measuredValue(words.date(taken.date), measured == shown ? nil : measured)
                }
                return model
            })
        case nil:
            break
        }
        return cell
    }

    /// A known metric is shown by its title in the site's language; a custom one as written.
    func metricName(_ value: MetricValue) -> String { site.schema.title(of: value, in: site.config.language) }

    /// The faces from the worst to the best, as authors type them.
    package static let faces = ["😡", "🙁", "😐", "🙂", "😀"]
    /// The same five moods by name, for the theme's drawings and CSS classes.
    package static let moods = ["very-negative", "negative", "neutral", "positive", "very-positive"]

    /// The face nearest a score (0 the worst, 4 the best), the five faces spread evenly over the schema's scale.
    package static func level(_ score: Double, scale: ClosedRange<Double>) -> Int {
        let position = (min(max(score, scale.lowerBound), scale.upperBound) - scale.lowerBound)
            / (scale.upperBound - scale.lowerBound)
        return Int((position * 4).rounded())
    }

    // MARK: - outline

    /// map → persona → sections → items; map → stages → layers → items. Every paragraph and list item is a node,
    /// nested items are children of their item.
    package func outline(_ journey: Journey) -> OutlineNode {
        var children: [OutlineNode] = []
        if let persona = site.persona(id: journey.personaID) {
            children.append(OutlineNode("\(words["persona"]): \(persona.name)", persona.sections.map { section in
                OutlineNode(section.kind.title.text(in: site.config.language, fallback: section.kind.rawValue),
                            outlineNodes(section.content))
            }))
        }
        // A fork is a node whose children are its branches, each with its stages.
        var index = 0
        while index < journey.stages.count {
            guard journey.stages[index].branch != nil else {
                children.append(outlineNode(journey.stages[index]))
                index += 1
                continue
            }
            var branches: [OutlineNode] = []
            while index < journey.stages.count, let label = journey.stages[index].branch {
                var stages: [OutlineNode] = []
                while index < journey.stages.count, journey.stages[index].branch == label {
                    stages.append(outlineNode(journey.stages[index]))
                    index += 1
                }
                branches.append(OutlineNode(label, stages))
            }
            children.append(OutlineNode(words["fork"] + ": " + branches.map(\.text).joined(separator: " / "), branches))
        }
        return OutlineNode(journey.title, children)
    }

    private func outlineNode(_ stage: Stage) -> OutlineNode {
        OutlineNode(stage.name, site.schema.layers.compactMap { definition in
            guard let layer = stage.layer(id: definition.id) else { return nil }
            return OutlineNode(title(of: definition), outlineItems(layer.content))
        })
    }

    private func outlineItems(_ content: LayerContent) -> [OutlineNode] {
        switch content {
        case .text(let text): outlineNodes(text)
        case .list(let items): outlineNodes(items)
        case .emotion(let points): points.map {
            OutlineNode([format.score($0.score), $0.label].filter { !$0.isEmpty }.joined(separator: " "))
        }
        case .metrics(let values): values.map { value in
            // The target travels with its value into the mind map, as it does in the table.
            let target = value.target.map { " (" + words["target"] + " " + format.value($0, unit: value.unit) + ")" } ?? ""
            return OutlineNode("\(metricName(value)): \(format.value(value.value, range: value.range, unit: value.unit))" + target)
        }
        }
    }

    /// Each item's first node carries its tone, kind and owner. The nodes are made once, where they go: mapped,
    /// flattened and the first made again, an item's nodes were 1 % of a cold build.
    private func outlineNodes(_ items: [ListItem]) -> [OutlineNode] {
        var nodes: [OutlineNode] = []
        nodes.reserveCapacity(items.count)
        for item in items {
            let sign = item.tone.map { $0 == .positive ? "+ " : "− " } ?? ""
            guard let first = item.text.blocks.first else {
                nodes.append(OutlineNode(sign + item.withKindAndOwner(item.text.plain)))
                continue
            }
            nodes.append(OutlineNode(sign + item.withKindAndOwner(first.text), first.children.map(Self.outlineNode)))
            nodes += item.text.blocks.dropFirst().map(Self.outlineNode)
        }
        return nodes
    }

    private func outlineNodes(_ text: RichText) -> [OutlineNode] {
        text.isEmpty ? [] : text.outline.map(Self.outlineNode)
    }

    private static func outlineNode(_ block: TextBlock) -> OutlineNode {
        OutlineNode(block.text, block.children.map(outlineNode))
    }

    // MARK: - personas and catalogue

    private func personaCard(_ persona: Persona, root: String) -> PersonaCardModel {
        PersonaCardModel(name: persona.name, role: persona.role,
                         url: root + PagePaths.persona(persona.id) + "/index.html",
                         sections: sections(persona, rebasedTo: root))
    }

    /// Its sections, whose links lead from its page; with `root`, from the page below the output `root` leads up
    /// from (a card of it on a map's page).
    private func sections(_ persona: Persona, rebasedTo root: String? = nil) -> [PersonaSectionModel] {
        persona.sections.filter { !$0.content.isEmpty }.map { section in
            PersonaSectionModel(title: section.kind.title.text(in: site.config.language, fallback: section.kind.rawValue),
                                html: root.map { Markup.rebasingLinks(section.content.html, from: PagePaths.persona(persona.id), to: $0) }
                                    ?? section.content.html)
        }
    }

    package func personaPage(_ persona: Persona, journeys: [JourneySummary]) -> PersonaPageModel {
        let page = context(forPageAt: PagePaths.persona(persona.id) + "/index.html")
        let maps = journeys.filter { $0.personaID == persona.id }.sortedByTitle(\.title, slug: \.slug)
        return PersonaPageModel(page: page, name: persona.name, role: persona.role,
                                descriptionHTML: persona.description.html, sections: sections(persona),
                                maps: maps.map { Link(title: $0.title, url: page.root + $0.slug + "/index.html") })
    }
}
