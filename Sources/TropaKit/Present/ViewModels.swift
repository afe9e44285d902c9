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

struct DownloadsModel: Sendable {
    let svg: String?
    let opml: String
    let mm: String
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
    let curveSVG: String?
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
    let sparkline: String?
}

struct SegmentModel: Sendable {
    let name: String
    let maps: [MapCardModel]
}

struct ProductModel: Sendable {
    let name: String
    let segments: [SegmentModel]
}

struct CataloguePageModel: Sendable {
    let page: PageContext
    let title: String
    let mapCount: Int
    let products: [ProductModel]
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
