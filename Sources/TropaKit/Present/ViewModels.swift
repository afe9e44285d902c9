// Plain data for the templates: everything a page shows, already worded and formatted.
// Templates stay logic-less; they only place these values.

/// What every page shares: language, the theme's words, the site title and the way back to the root.
struct PageContext: Sendable {
    let lang: String
    let words: [String: String]
    let siteTitle: String
    /// The relative path from the page to the output root (`""`, `"../"`, `"../../"`), so links work anywhere.
    let root: String
    let generator: String
}

struct Link: Sendable {
    let title: String
    let url: String
}

struct PersonaSectionModel: Sendable {
    let title: String
    let html: String
}

struct PersonaCardModel: Sendable {
    let name: String
    let role: String?
    let url: String
    let sections: [PersonaSectionModel]
}

struct StageColumnModel: Sendable {
    let name: String
    let descriptionHTML: String
}

struct ListItemModel: Sendable {
    let html: String
    /// `positive`, `negative` or nil: a CSS class and a word for screen readers.
    let tone: String?
    let toneWord: String?
}

struct EmotionModel: Sendable {
    let score: String
    let face: String
    /// Nil when the point has no label, so the template writes no empty element.
    let label: String?
}

struct MetricModel: Sendable {
    let name: String
    let value: String
}

/// Items wrapped once, so a template writes `<ul>` around them only when there are any.
struct ItemsModel<Item: Sendable>: Sendable {
    let items: [Item]
}

/// One cell of the table; exactly one of the kinds is set, or none for an empty cell.
struct CellModel: Sendable {
    var text: String?
    var list: ItemsModel<ListItemModel>?
    var emotions: ItemsModel<EmotionModel>?
    var metrics: ItemsModel<MetricModel>?
}

struct LayerRowModel: Sendable {
    let id: String
    let title: String
    let kind: String
    let cells: [CellModel]
}

/// A node of the mind-map outline; the same tree feeds the page, OPML and FreeMind.
public struct OutlineNode: Sendable, Equatable {
    public let text: String
    public let children: [OutlineNode]
    /// For templates (which see stored properties only): a leaf is shown as text, a branch as a `<details>`.
    let hasChildren: Bool

    public init(_ text: String, _ children: [OutlineNode] = []) {
        self.text = text
        self.children = children
        hasChildren = !children.isEmpty
    }
}

/// A map's curve as data: the renderer lays it out and draws it (the page's curve, the catalogue's sparkline).
struct CurveModel: Sendable {
    let title: String
    let stageNames: [String]
    let series: EmotionSeries
    let scale: ClosedRange<Double>
}

/// A file of the map offered for download, from the output registry.
struct DownloadModel: Sendable {
    /// The output's key: a template may ask for one file by it (`downloads.svg`).
    let key: String
    let file: String
    let label: String
}

/// The map's downloadable files, in the registry's order; a template lists `items` or names one by its key.
struct DownloadsModel: Sendable {
    let items: [DownloadModel]

    init(_ items: [DownloadModel]) { self.items = items }

    func file(_ key: String) -> String? { items.first { $0.key == key }?.file }
}

struct JourneyPageModel: Sendable {
    let page: PageContext
    let title: String
    let product: String?
    let segment: String?
    let tags: [String]
    let updated: String?
    let draft: Bool
    let persona: PersonaCardModel?
    let introductionHTML: String
    let curve: CurveModel?
    /// The curve drawn, set by the renderer (the same markup is the map's `emotions.svg`).
    var curveSVG: String? = nil
    let stageCount: Int
    let stages: [StageColumnModel]
    let hasStageDescriptions: Bool
    let rows: [LayerRowModel]
    let outline: OutlineNode
    let downloads: DownloadsModel
}

struct MapCardModel: Sendable {
    let title: String
    let url: String
    let persona: String?
    let stages: String
    let tags: [String]
    let draft: Bool
    let curve: CurveModel?
    /// The curve drawn small, set by the renderer.
    var sparkline: String? = nil
}

struct SegmentModel: Sendable {
    let name: String
    var maps: [MapCardModel]
}

struct ProductModel: Sendable {
    let name: String
    var segments: [SegmentModel]
}

struct CataloguePageModel: Sendable {
    let page: PageContext
    let title: String
    let mapCount: Int
    var products: [ProductModel]
    let personas: [Link]
}

struct PersonaPageModel: Sendable {
    let page: PageContext
    let name: String
    let role: String?
    let descriptionHTML: String
    let sections: [PersonaSectionModel]
    let maps: [Link]
}
