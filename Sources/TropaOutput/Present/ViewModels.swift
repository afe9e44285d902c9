// Plain data for the templates: everything a page shows, already worded and formatted.
// Templates stay logic-less; they only place these values.
import TropaModel
import TropaAnalysis

/// What every page shares: language, the theme's words, the site title and the way back to the root.
package struct PageContext: Sendable {
    package let lang: String
    package let words: [String: String]
    package let siteTitle: String
    /// The relative path from the page to the output root (`""`, `"../"`, `"../../"`), so links work anywhere.
    package let root: String
    package let generator: String
}

package struct Link: Sendable {
    package let title: String
    package let url: String
}

package struct PersonaSectionModel: Sendable {
    package let title: String
    package let html: String
}

package struct PersonaCardModel: Sendable {
    package let name: String
    package let role: String?
    package let url: String
    package let sections: [PersonaSectionModel]
}

package struct StageColumnModel: Sendable {
    package let name: String
    /// The id of its column, which links to the stage lead to (`StageID.anchors`).
    package let anchor: String
    package let descriptionHTML: String
    /// What the analysis marks on the stage's header: its lowest conversion, its sharpest pain.
    package let marks: [StageMarkModel]
}

/// A cell of the branches' row: `label` over `span` stages, or no label over a shared stage.
package struct BranchCellModel: Sendable {
    package let span: Int
    package let label: String?
}

/// A mark on a stage: `kind` is a CSS class (`weakest`, `pain`), `text` says it in words.
package struct StageMarkModel: Sendable {
    package let kind: String
    package let text: String
}

package struct ListItemModel: Sendable {
    package let html: String
    /// `positive`, `negative` or nil: a CSS class and a word for screen readers.
    package let tone: String?
    package let toneWord: String?
    /// An action's kind and owner (`[SMM]`, `@marketing`), shown as badges.
    package let kind: String?
    package let owner: String?
}

package struct EmotionModel: Sendable {
    package let score: String
    /// The face an author would type for the score (😡 🙁 😐 🙂 😀); the theme draws its own (`faceSVG`).
    package let face: String
    /// Where the score lies on the scale, from the worst to the best: `very-negative`, `negative`, `neutral`,
    /// `positive`, `very-positive`. The face's drawing and its CSS class.
    package let mood: String
    /// Nil when the point has no label, so the template writes no empty element.
    package let label: String?
}

package struct MetricModel: Sendable {
    package let name: String
    package let value: String
    /// "цель 45 %", when the metric has a target.
    package let target: String?
    /// Said beside a target the value falls short of.
    package let missed: String?
    /// "замер 1 марта 2024: 42 %": the latest measurement of the metric, when there is one; the target and
    /// `missed` are then of it.
    package var measured: String? = nil
}

/// Items wrapped once, so a template writes `<ul>` around them only when there are any.
package struct ItemsModel<Item: Sendable>: Sendable {
    package let items: [Item]
}

/// One cell of the table; exactly one of the kinds is set, or none for an empty cell.
package struct CellModel: Sendable {
    package var text: String?
    package var list: ItemsModel<ListItemModel>?
    package var emotions: ItemsModel<EmotionModel>?
    package var metrics: ItemsModel<MetricModel>?

    package var isEmpty: Bool { text == nil && list == nil && emotions == nil && metrics == nil }
}

package struct LayerRowModel: Sendable {
    package let id: String
    package let title: String
    package let kind: String
    package let cells: [CellModel]
    /// Empty in most stages (`SitePresenter.isSparse`): the theme sets such a row tighter.
    package let sparse: Bool
}

/// A node of the mind-map outline; the same tree feeds the page, OPML and FreeMind.
public struct OutlineNode: Sendable, Equatable {
    public let text: String
    public let children: [OutlineNode]
    /// For templates (which see stored properties only): a leaf is shown as text, a branch as a `<details>`.
    package let hasChildren: Bool

    public init(_ text: String, _ children: [OutlineNode] = []) {
        self.text = text
        self.children = children
        hasChildren = !children.isEmpty
    }
}

/// A map's curve as data: the renderer lays it out and draws it (the page's curve, the catalogue's sparkline).
package struct CurveModel: Sendable {
    package let title: String
    /// Empty for a sparkline, which names no stage: then only `stageCount` columns are laid out.
    package let stageNames: [String]
    package let stageCount: Int
    package let series: EmotionSeries
    package let scale: ClosedRange<Double>
    /// What the analysis marks on the page's curve; none on a sparkline.
    package let marks: CurveMarks
    /// A line per path of a branched map, each through its stages; empty for a map without forks (one line through
    /// every point).
    package let lines: [CurveLine]

    package init(title: String, stageNames: [String], stageCount: Int, series: EmotionSeries, scale: ClosedRange<Double>,
                 marks: CurveMarks = CurveMarks(), lines: [CurveLine] = []) {
        self.title = title
        self.stageNames = stageNames
        self.stageCount = stageCount
        self.series = series
        self.scale = scale
        self.marks = marks
        self.lines = lines
    }

    /// The names to lay the columns out with.
    var columns: [String] { stageNames.count == stageCount ? stageNames : Array(repeating: "", count: stageCount) }
}

/// One line of a branched map's curve: the stages of a path, and the label its legend gives it (the branches it
/// takes).
package struct CurveLine: Sendable, Hashable {
    package let stages: [Int]
    package let label: String
}

/// The analysis on the curve: the column of the weakest stage, the lowest point, the sharp drops, each with the
/// words that say it (on the drawing and in its description).
package struct CurveMarks: Sendable {
    package var weakestStage: Int?
    package var weakestText = ""
    /// The index of the curve's lowest point in the series.
    package var lowestPoint: Int?
    package var lowestText = ""
    /// Indexes of the points that fall sharply from the one before.
    package var sharpDrops: [JourneyEvaluation.Drop] = []
    package var dropText = ""

    package init() {}
}

/// A chart of rows, each a label above a bar: the funnel (bars from the left, as long as the reach) and the
/// timeline (each bar starting where the one before ended).
package struct BarChartModel: Sendable {
    package struct Row: Sendable {
        package let label: String
        /// Where the bar starts and how long it is, as fractions of the chart's width; no bar when nil.
        package let start: Double
        package let length: Double?
        /// The figures written after the bar.
        package let note: String
        /// A CSS class: `weakest`, `missed`, `unknown`, or empty.
        package let kind: String
    }

    /// Prefixes the SVG's element ids, unique in a page.
    package let id: String
    package let title: String
    package let description: String
    package let rows: [Row]
    /// Said above the chart when a map has several (a funnel per path).
    package var caption: String? = nil
}

/// Stages placed by conversion (x) and NPS (y), split at the map's averages.
package struct QuadrantChartModel: Sendable {
    package struct Point: Sendable {
        /// The stage's number, written on its dot and in the list of readings.
        package let number: Int
        package let conversion: Double
        package let nps: Double
    }

    package let title: String
    package let description: String
    package let points: [Point]
    package let split: QuadrantSplit
    package let conversionAxis: String
    package let npsAxis: String
    /// Short names of the four quadrants: top left (NPS high, conversion low), top right, bottom left, bottom right.
    package let quadrantNames: [String]
}

/// How a map's figures were obtained, for the header: a hypothesis is said to be one.
package struct EvidenceModel: Sendable {
    package let kind: String
    package let text: String
    package let objective: Bool
}

/// A stage's NPS read against its conversion.
package struct ReadingModel: Sendable {
    package let number: Int
    package let stage: String
    package let figures: String
    /// `both-high`, …: a CSS class.
    package let quadrant: String
    package let reading: String
}

package struct PainModel: Sendable {
    package let html: String
    package let stage: String
}

/// The headings of the evaluation's parts, in the site's language.
package struct AnalysisHeadings: Sendable {
    package let analysis: String
    package let funnel: String
    package let quadrant: String
    package let quadrantNote: String
    package let pains: String
    package let timeline: String
}

/// The evaluation of a map on its page: what to do first, the funnel, NPS against conversion, the pain points
/// ranked, and the journey's length. The renderer draws the charts into the `…SVG` fields.
package struct AnalysisModel: Sendable {
    package let headings: AnalysisHeadings
    /// Sentences that say where to start: the weakest stage, the sharpest pain, how many get through.
    package let advice: [String]
    /// One funnel, or one per path of a branched map.
    package let funnels: [BarChartModel]
    package var funnelSVG: String? = nil
    package let quadrant: QuadrantChartModel?
    package var quadrantSVG: String? = nil
    package let readings: [ReadingModel]
    package let pains: [PainModel]
    package let timeline: BarChartModel?
    package var timelineSVG: String? = nil
    /// "Всего ≈ 7 недель (оценка по середине диапазонов)".
    package let total: String?
    /// Which date the funnel and the quadrant show, when measurements replaced the map's figures.
    package var measuredOn: String? = nil

    /// Whether the section has anything beyond the advice.
    package var hasDetails: Bool { !funnels.isEmpty || quadrant != nil || !pains.isEmpty || timeline != nil }
}

/// A stage's metric measured at least twice: its values over time, drawn small by the renderer.
package struct TrendModel: Sendable {
    package struct Point: Sendable {
        /// Days since 1970, to space the points by time.
        package let day: Int
        package let value: Double
        package let label: String
        /// "06.01.2025", "6 Jan 2025": the date under an end of the chart, where two long ones do not fit.
        package let shortLabel: String
        /// The value as written.
        package let text: String

        /// "1 марта 2024: 42 %": the point's tooltip, and its part of the chart's description.
        package var said: String { label + ": " + text }
    }

    /// Unique in the page: the SVG's ids start with it.
    package let id: String
    package let stage: String
    package let metric: String
    /// "Конверсия — Поиск решения".
    package let title: String
    /// Every measurement, "1 февраля 2024: 35 %; 1 марта 2024: 42 %".
    package let description: String
    package let points: [Point]
    /// The latest value as written, and its change since the one before.
    package let latest: String
    package let change: String
    /// The first measurement, "первый замер 1 сентября 2026: 25 %", when there are three or more (with two, the
    /// change names it); nil otherwise.
    package let first: String?
    /// The target the chart draws its dashed line at, in the values' unit, and its value as written ("45 %"): the
    /// latest measurement's, or the one the map writes for the stage's metric; nil when neither names one.
    package var targetLevel: (value: Double, written: String)? = nil
    /// "цель 45 %", and "не достигнута" when the latest value falls short of it: as the table's cell says them.
    package var target: String? = nil
    package var missed: String? = nil
    package var svg: String? = nil
}

/// When the map was last measured and when it is to be measured next, by its dates alone.
package struct ReviewModel: Sendable {
    package let last: String
    /// `YYYY-MM-DD`, for a `<time>` element.
    package let lastISO: String
    /// Whether `last` is a measurement's date, not the map's own (`updated`), which the pages say beside it.
    package let measured: Bool
    package let next: String?
    package let nextISO: String?
}

/// A file of the map offered for download, from the output registry.
package struct DownloadModel: Sendable {
    /// The output's key: a template may ask for one file by it (`downloads.svg`).
    package let key: String
    package let file: String
    package let label: String
}

/// The map's downloadable files, in the registry's order; a template lists `items` or names one by its key.
package struct DownloadsModel: Sendable {
    package let items: [DownloadModel]

    package init(_ items: [DownloadModel]) { self.items = items }

    package func file(_ key: String) -> String? { items.first { $0.key == key }?.file }
}

package struct JourneyPageModel: Sendable {
    package let page: PageContext
    package let title: String
    package let product: String?
    /// The segment's page, linked from its name.
    package let segment: Link?
    package let tags: [Link]
    /// The page comparing it with the maps its `compare` names.
    package let comparisonURL: String?
    package let updated: String?
    package let review: ReviewModel?
    package let draft: Bool
    package let evidence: EvidenceModel?
    package let persona: PersonaCardModel?
    package let introductionHTML: String
    /// Nil when the map has nothing to evaluate.
    package var analysis: AnalysisModel?
    package let curve: CurveModel?
    /// The curve drawn, set by the renderer (the same markup is the map's `emotions.svg`).
    package var curveSVG: String? = nil
    package let stageCount: Int
    /// The row above the stages' names of a branched map: a cell per shared stage (empty) and one per branch,
    /// spanning its stages; empty for a map without forks.
    package let branchCells: [BranchCellModel]
    package let stages: [StageColumnModel]
    package let hasStageDescriptions: Bool
    /// Most stages have no description (`SitePresenter.isSparse`).
    package let sparseStageDescriptions: Bool
    package let rows: [LayerRowModel]
    package let outline: OutlineNode
    package let downloads: DownloadsModel
    /// A trend per stage and metric measured at least twice.
    package var trends: [TrendModel]
    /// The map's history page, relative to its page, when the build read its history.
    package var historyURL: String? = nil
}

package struct MapCardModel: Sendable {
    package let title: String
    package let url: String
    package let persona: String?
    /// Product · segment, on pages that do not group by them.
    package let context: String?
    package let stages: String
    package let tags: [Link]
    package let draft: Bool
    package let reach: String?
    /// The weakest stage with its conversion (`Выбор дивана, 21 %`), and each alone for a template of a site's.
    package let weakestStage: String?
    package let weakestStageName: String?
    package let weakestConversion: String?
    package let averageNPS: String?
    /// "1 марта 2024", and as written (`2024-03-01`) for the `<time>` element.
    package let updated: String?
    package let updatedISO: String?
    package let priority: String?
    package let curve: CurveModel?
    /// The words a screen reader says for the card's sparkline.
    package let sparklineLabel: String
    /// The curve drawn small, with that label; nil without a curve.
    package let sparkline: (@Sendable () -> String)?
    /// The theme's words the card prints (`page.words` to a template).
    package let words: ThemeWords
}

package struct ProductModel: Sendable {
    package let name: String
    /// Its comparison page, when it has two or more maps.
    package let url: String?
    package let maps: CardList
}

package struct CataloguePageModel: Sendable {
    package let page: PageContext
    package let title: String
    package let mapCount: Int
    package let products: [ProductModel]
    package let personas: [Link]
    package let matrix: MatrixModel?
    package let tags: [Link]
    package let segments: [Link]
    /// Some map has actions: the catalogue links to the plan.
    package let hasActions: Bool
}

package struct PersonaPageModel: Sendable {
    package let page: PageContext
    package let name: String
    package let role: String?
    package let descriptionHTML: String
    package let sections: [PersonaSectionModel]
    package let maps: [Link]
}

/// A map's row on the dashboard; a figure the map does not give is nil, and the template says so.
package struct DashboardRowModel: Sendable {
    package let title: String
    package let url: String
    package let draft: Bool
    package let reach: String?
    package let weakestStage: String?
    package let weakestConversion: String?
    package let averageNPS: String?
    package let lowestEmotion: String?
    package let evidence: EvidenceModel?
    /// "«Выбор»: 28 %, цель 40 % (−12 п. п.)".
    package let missedTargets: [String]
    /// For a measured map: the last review and the next, the monitor's column.
    package let review: ReviewModel?
}

package struct DashboardPageModel: Sendable {
    package let page: PageContext
    package let title: String
    package let rows: [DashboardRowModel]
}

// MARK: - site overview: comparisons, the matrix, the action plan

/// Several maps' curves on one chart: a column per aligned stage, a line per map.
package struct ComparisonChartModel: Sendable {
    package let title: String
    package let columns: [String]
    package let lines: [ComparisonLine]
    package let scale: ClosedRange<Double>
}

/// A map's line: its label (segment · persona), its average score in each column (nil where it has none), and the
/// columns its stages join in its own order (`from` before `to`; a branched map's alternatives each from the stage
/// before them).
package struct ComparisonLine: Sendable {
    package struct Step: Sendable, Hashable {
        package let from: Int
        package let to: Int
        /// A column between the two holds no stage of this map: the line goes on faint there.
        package let acrossGap: Bool
    }

    package let label: String
    package let scores: [Double?]
    package let steps: [Step]
}

/// A map's figures at one aligned stage; `present` is false where the map has no such stage.
package struct ComparisonCellModel: Sendable {
    package let present: Bool
    /// The stage gives a conversion, an NPS or a duration; else the cell says there are no figures.
    package let hasFigures: Bool
    package let conversion: String?
    package let nps: String?
    package let duration: String?
    /// The map's lowest conversion is here.
    package let lowest: Bool
}

package struct ComparisonRowModel: Sendable {
    package let stage: String
    package let cells: [ComparisonCellModel]
}

/// A comparison of maps: a product's segments, or a map and the maps its `compare` names.
package struct ComparisonPageModel: Sendable {
    package let page: PageContext
    package let title: String
    /// The compared maps, in the chart's and the table's order.
    package let maps: [Link]
    package let labels: [String]
    package let chart: ComparisonChartModel?
    /// The chart drawn, set by the renderer.
    package var chartSVG: String? = nil
    package let rows: [ComparisonRowModel]
    /// The chart's columns, one per aligned stage: the page keeps them readable by letting the chart scroll.
    package var columnCount: Int { rows.count }
    /// Said when the page compares fewer maps than it lists, or than `compare` names.
    package var omitted: String?
    /// Every map of the product (or compared), as cards, each made when it is printed.
    package let cards: CardList
}

/// A map in a cell of the product × segment matrix.
package struct MatrixMapModel: Sendable {
    package let title: String
    package let url: String
    package let reach: String?
    package let weakestStage: String?
}

package struct MatrixCellModel: Sendable {
    package let maps: [MatrixMapModel]
    /// "ещё 12": the cell holds more maps than it shows; they are on the product's page, when it has one.
    package let more: String?
    package let moreURL: String?
    package var empty: Bool { maps.isEmpty }
}

/// A column of the matrix: a segment, linked to its page (the maps without a segment have none).
package struct MatrixSegmentModel: Sendable {
    package let name: String
    package let url: String?
}

package struct MatrixRowModel: Sendable {
    package let product: String
    /// The product's comparison page, when it has one.
    package let url: String?
    /// Its priority and revenue, when its maps give them.
    package let rank: String
    package let cells: [MatrixCellModel]
}

package struct MatrixModel: Sendable {
    package let segments: [MatrixSegmentModel]
    package let rows: [MatrixRowModel]
}

/// The maps with one tag, of one segment: cards.
package struct MapListPageModel: Sendable {
    package let page: PageContext
    package let title: String
    /// What the page lists by: "Тег", "Сегмент".
    package let kind: String
    package let cards: CardList
}

package struct PlanItemModel: Sendable, Equatable {
    package let html: String
    package let map: String
    package let url: String
    package let stage: String
    package let conversion: String?
    package let emotion: String?
}

package struct PlanOwnerModel: Sendable {
    package let name: String
    /// The theme's words the list prints (`page.words` to a template).
    package let words: ThemeWords
    package let items: [PlanItemModel]
    /// The number of the first item, when the owner's list goes on from the page before ("201"); nil on its first.
    package var start: String? = nil
}

package struct PlanKindModel: Sendable {
    package let name: String
    package let count: String
    package let owners: [PlanOwnerModel]
    /// The id of its section, which the plan's contents link to.
    package let anchor: String
    /// The kind began on a page before.
    package let continued: Bool
}

/// The links between the pages of a list cut into pages: the one before and after, and the numbers around this one
/// with the first and the last (`1 … 4 5 6 … 700`).
package struct PagerModel: Sendable {
    package struct Number: Sendable {
        /// "5", or "…" for the numbers left out.
        package let number: String
        /// nil for this page and for a gap.
        package let url: String?
        package let current: Bool
    }

    /// What the pages are, for a screen reader: "Страницы плана".
    package let label: String
    /// "Страница 5 из 700".
    package let summary: String
    package let previous: Link?
    package let next: Link?
    package let numbers: [Number]
}

package struct PlanPageModel: Sendable {
    package let page: PageContext
    package let title: String
    package let count: String
    package let csvURL: String
    package let kinds: [PlanKindModel]
    /// nil for a plan of one page.
    package let pager: PagerModel?
    /// Where each kind of action begins, its page and section; empty for a plan of one page.
    package let contents: [Link]
}
