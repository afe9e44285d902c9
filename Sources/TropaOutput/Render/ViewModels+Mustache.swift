import TropaModel
import TropaAnalysis
import Mustache

// Templates look values up by name. Without this, swift-mustache reads them through `Mirror`, which cost
// most of a build's time; `RenderLookupTests` checks every stored property is reachable here.

/// What a model answers for an optional value it does not have. Like a JSON null, it ends the lookup: with nil,
/// Mustache would climb the context stack and ask every enclosing model, for each cell of the table.
private struct Absent: MustacheCustomRenderable {
    package var renderText: String { "" }
    package var isNull: Bool { true }
}

private func orAbsent<Value>(_ value: Value?) -> Any {
    value.map { $0 as Any } ?? Absent()
}

extension PageContext: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "lang": self.lang
        case "words": self.words
        case "siteTitle": self.siteTitle
        case "root": self.root
        case "generator": self.generator
        default: nil
        }
    }
}

extension Link: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "url": self.url
        default: nil
        }
    }
}

extension PersonaSectionModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "html": self.html
        default: nil
        }
    }
}

extension PersonaCardModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "role": orAbsent(self.role)
        case "url": self.url
        case "sections": self.sections
        default: nil
        }
    }
}

extension StageColumnModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "anchor": self.anchor
        case "descriptionHTML": self.descriptionHTML
        case "marks": self.marks
        default: nil
        }
    }
}

extension BranchCellModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "span": self.span
        case "label": orAbsent(self.label)
        default: nil
        }
    }
}

extension StageMarkModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "kind": self.kind
        case "text": self.text
        default: nil
        }
    }
}

extension EvidenceModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "kind": self.kind
        case "text": self.text
        case "objective": self.objective
        default: nil
        }
    }
}

extension ReadingModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "number": self.number
        case "stage": self.stage
        case "figures": self.figures
        case "quadrant": self.quadrant
        case "reading": self.reading
        default: nil
        }
    }
}

extension PainModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "html": self.html
        case "stage": self.stage
        default: nil
        }
    }
}

extension AnalysisHeadings: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "analysis": self.analysis
        case "funnel": self.funnel
        case "quadrant": self.quadrant
        case "quadrantNote": self.quadrantNote
        case "pains": self.pains
        case "timeline": self.timeline
        default: nil
        }
    }
}

extension AnalysisModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "headings": self.headings
        case "html": BuiltInPartials.analysis(self)
        case "advice": self.advice
        case "funnels": self.funnels
        case "funnelSVG": orAbsent(self.funnelSVG)
        case "quadrant": orAbsent(self.quadrant)
        case "quadrantSVG": orAbsent(self.quadrantSVG)
        case "readings": self.readings
        case "pains": self.pains
        case "timeline": orAbsent(self.timeline)
        case "timelineSVG": orAbsent(self.timelineSVG)
        case "total": orAbsent(self.total)
        case "measuredOn": orAbsent(self.measuredOn)
        case "hasDetails": self.hasDetails
        default: nil
        }
    }
}

/// The charts' data is for the renderer; a template prints the drawing (`funnelSVG`) or the title.
extension BarChartModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "id": self.id
        case "title": self.title
        case "description": self.description
        case "rows": self.rows
        case "caption": orAbsent(self.caption)
        default: nil
        }
    }
}

extension BarChartModel.Row: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "start": self.start
        case "length": orAbsent(self.length)
        case "note": self.note
        case "kind": self.kind
        default: nil
        }
    }
}

extension QuadrantChartModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "description": self.description
        case "points": self.points
        case "split": self.split
        case "conversionAxis": self.conversionAxis
        case "npsAxis": self.npsAxis
        case "quadrantNames": self.quadrantNames
        default: nil
        }
    }
}

extension ListItemModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "html": self.html
        case "tone": orAbsent(self.tone)
        case "toneWord": orAbsent(self.toneWord)
        case "kind": orAbsent(self.kind)
        case "owner": orAbsent(self.owner)
        default: nil
        }
    }
}

extension EmotionModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "score": self.score
        case "face": self.face
        case "mood": self.mood
        case "faceSVG": FaceSVG.markup(self.mood)
        case "label": orAbsent(self.label)
        default: nil
        }
    }
}

extension MetricModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "value": self.value
        case "target": orAbsent(self.target)
        case "missed": orAbsent(self.missed)
        case "measured": orAbsent(self.measured)
        default: nil
        }
    }
}

extension ItemsModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "items": self.items
        default: nil
        }
    }
}

extension CellModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "text": orAbsent(self.text)
        case "list": orAbsent(self.list)
        case "emotions": orAbsent(self.emotions)
        case "metrics": orAbsent(self.metrics)
        case "html": BuiltInPartials.cell(self)
        default: nil
        }
    }
}

extension LayerRowModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "id": self.id
        case "title": self.title
        case "kind": self.kind
        case "cells": self.cells
        case "sparse": self.sparse
        default: nil
        }
    }
}

extension OutlineNode: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "text": orAbsent(self.text)
        case "children": self.children
        case "hasChildren": self.hasChildren
        case "html": BuiltInPartials.outlineNode(self)
        default: nil
        }
    }
}

extension DownloadsModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "items": self.items
        default: orAbsent(self.file(key))
        }
    }
}

extension DownloadModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "key": self.key
        case "file": self.file
        case "label": self.label
        default: nil
        }
    }
}

extension JourneyPageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "title": self.title
        case "product": orAbsent(self.product)
        case "segment": orAbsent(self.segment)
        case "tags": self.tags
        case "comparisonURL": orAbsent(self.comparisonURL)
        case "updated": orAbsent(self.updated)
        case "review": orAbsent(self.review)
        case "draft": self.draft
        case "evidence": orAbsent(self.evidence)
        case "persona": orAbsent(self.persona)
        case "introductionHTML": self.introductionHTML
        case "analysis": orAbsent(self.analysis)
        case "curve": orAbsent(self.curve)
        case "curveSVG": orAbsent(self.curveSVG)
        case "stageCount": self.stageCount
        case "branchCells": self.branchCells
        case "stages": self.stages
        case "hasStageDescriptions": self.hasStageDescriptions
        case "sparseStageDescriptions": self.sparseStageDescriptions
        case "rows": self.rows
        case "outline": self.outline
        case "downloads": self.downloads
        case "trends": self.trends
        case "historyURL": orAbsent(self.historyURL)
        default: nil
        }
    }
}

extension MapCardModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "url": self.url
        case "persona": orAbsent(self.persona)
        case "context": orAbsent(self.context)
        case "stages": self.stages
        case "tags": self.tags
        case "draft": self.draft
        case "reach": orAbsent(self.reach)
        case "weakestStage": orAbsent(self.weakestStage)
        case "weakestStageName": orAbsent(self.weakestStageName)
        case "weakestConversion": orAbsent(self.weakestConversion)
        case "averageNPS": orAbsent(self.averageNPS)
        case "updated": orAbsent(self.updated)
        case "updatedISO": orAbsent(self.updatedISO)
        case "priority": orAbsent(self.priority)
        case "curve": orAbsent(self.curve)
        case "sparklineLabel": self.sparklineLabel
        case "sparkline": orAbsent(self.sparkline.map(SparklineMarkup.init))
        case "html": BuiltInPartials.card(self)
        case "words": self.words.all
        default: nil
        }
    }
}

extension ProductModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "url": orAbsent(self.url)
        case "maps": Array(self.maps)
        default: nil
        }
    }
}

extension CataloguePageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "title": self.title
        case "mapCount": self.mapCount
        case "products": self.products
        case "personas": self.personas
        case "matrix": orAbsent(self.matrix)
        case "tags": self.tags
        case "segments": self.segments
        case "hasActions": self.hasActions
        default: nil
        }
    }
}

extension PersonaPageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "name": self.name
        case "role": orAbsent(self.role)
        case "descriptionHTML": self.descriptionHTML
        case "sections": self.sections
        case "maps": self.maps
        default: nil
        }
    }
}

extension DashboardRowModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "url": self.url
        case "draft": self.draft
        case "reach": orAbsent(self.reach)
        case "weakestStage": orAbsent(self.weakestStage)
        case "weakestConversion": orAbsent(self.weakestConversion)
        case "averageNPS": orAbsent(self.averageNPS)
        case "lowestEmotion": orAbsent(self.lowestEmotion)
        case "evidence": orAbsent(self.evidence)
        case "missedTargets": self.missedTargets
        case "review": orAbsent(self.review)
        default: nil
        }
    }
}

extension DashboardPageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "title": self.title
        case "rows": self.rows
        default: nil
        }
    }
}

extension CurveModel {
    /// The curve drawn small, as on a map's card.
    func sparkline(label: String) -> String {
        let geometry = EmotionCurve(stageNames: columns, series: series, scale: scale, columnWidth: 24, plotHeight: 28,
                                    top: 3)
        return SparklineSVG(curve: geometry, label: label, lines: lines).render()
    }
}

/// A card's sparkline, drawn when a template first prints it and let go with the card: a catalogue of 10,000 maps
/// never holds 10,000 drawings at once. `{{#sparkline}}…{{{sparkline}}}…{{/sparkline}}` draws it once: inside its
/// own section, `sparkline` is this object again.
private final class SparklineMarkup: MustacheCustomRenderable, MustacheParent {
    let draw: @Sendable () -> String

    init(_ draw: @escaping @Sendable () -> String) {
        self.draw = draw
    }

    lazy var renderText: String = draw()

    var isNull: Bool { false }

    func child(named key: String) -> Any? {
        key == "sparkline" ? self : nil
    }
}

extension MatrixMapModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "url": self.url
        case "reach": orAbsent(self.reach)
        case "weakestStage": orAbsent(self.weakestStage)
        default: nil
        }
    }
}

extension MatrixCellModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "maps": self.maps
        case "more": orAbsent(self.more)
        case "moreURL": orAbsent(self.moreURL)
        case "empty": self.empty
        default: nil
        }
    }
}

extension MatrixRowModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "product": self.product
        case "url": orAbsent(self.url)
        case "rank": orAbsent(self.rank.isEmpty ? nil : self.rank)
        case "cells": self.cells
        default: nil
        }
    }
}

extension MatrixSegmentModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "url": orAbsent(self.url)
        default: nil
        }
    }
}

extension MatrixModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "segments": self.segments
        case "rows": self.rows
        default: nil
        }
    }
}

extension MapListPageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "title": self.title
        case "kind": self.kind
        case "cards": Array(self.cards)
        default: nil
        }
    }
}

extension ComparisonCellModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "present": self.present
        case "hasFigures": self.hasFigures
        case "conversion": orAbsent(self.conversion)
        case "nps": orAbsent(self.nps)
        case "duration": orAbsent(self.duration)
        case "lowest": self.lowest
        default: nil
        }
    }
}

extension ComparisonRowModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "stage": self.stage
        case "cells": self.cells
        default: nil
        }
    }
}

extension ComparisonPageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "title": self.title
        case "maps": self.maps
        case "labels": self.labels
        case "chart": orAbsent(self.chart)
        case "chartSVG": orAbsent(self.chartSVG)
        case "rows": self.rows
        case "columnCount": self.columnCount
        case "omitted": orAbsent(self.omitted)
        case "cards": Array(self.cards)
        default: nil
        }
    }
}

extension PlanItemModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "html": self.html
        case "map": self.map
        case "url": self.url
        case "stage": self.stage
        case "conversion": orAbsent(self.conversion)
        case "emotion": orAbsent(self.emotion)
        default: nil
        }
    }
}

extension PlanOwnerModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "items": self.items
        case "html": BuiltInPartials.planItems(self)
        case "words": self.words.all
        case "start": orAbsent(self.start)
        default: nil
        }
    }
}

extension PlanKindModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "count": self.count
        case "owners": self.owners
        case "anchor": self.anchor
        case "continued": self.continued
        default: nil
        }
    }
}

extension PlanPageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "title": self.title
        case "count": self.count
        case "csvURL": self.csvURL
        case "kinds": self.kinds
        case "pager": orAbsent(self.pager)
        case "contents": self.contents
        default: nil
        }
    }
}

extension PagerModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "summary": self.summary
        case "previous": orAbsent(self.previous)
        case "next": orAbsent(self.next)
        case "numbers": self.numbers
        default: nil
        }
    }
}

extension PagerModel.Number: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "number": self.number
        case "url": orAbsent(self.url)
        case "current": self.current
        default: nil
        }
    }
}

extension TrendModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "id": self.id
        case "stage": self.stage
        case "metric": self.metric
        case "title": self.title
        case "description": self.description
        case "points": self.points.count
        case "latest": self.latest
        case "change": self.change
        case "first": orAbsent(self.first)
        case "target": orAbsent(self.target)
        case "missed": orAbsent(self.missed)
        case "svg": orAbsent(self.svg)
        default: nil
        }
    }
}

extension ReviewModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "last": self.last
        case "lastISO": self.lastISO
        case "measured": self.measured
        case "next": orAbsent(self.next)
        case "nextISO": orAbsent(self.nextISO)
        default: nil
        }
    }
}

extension HistoryPageModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "page": self.page
        case "title": self.title
        case "mapURL": self.mapURL
        case "versions": self.versions
        case "comparisonSVG": orAbsent(self.comparisonSVG)
        default: nil
        }
    }
}

extension HistoryVersionModel: MustacheParent {
    package func child(named key: String) -> Any? {
        switch key {
        case "date": self.date
        case "isoDate": self.isoDate
        case "commit": self.commit
        case "subject": self.subject
        case "changes": self.changes
        case "note": orAbsent(self.note)
        default: nil
        }
    }
}
