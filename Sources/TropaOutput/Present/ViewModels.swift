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
    package let descriptionHTML: String
}

package struct ListItemModel: Sendable {
    package let html: String
    /// `positive`, `negative` or nil: a CSS class and a word for screen readers.
    package let tone: String?
    package let toneWord: String?
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

    package init(title: String, stageNames: [String], stageCount: Int, series: EmotionSeries, scale: ClosedRange<Double>) {
        self.title = title
        self.stageNames = stageNames
        self.stageCount = stageCount
        self.series = series
        self.scale = scale
    }

    /// The names to lay the columns out with.
    var columns: [String] { stageNames.count == stageCount ? stageNames : Array(repeating: "", count: stageCount) }
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
    package let segment: String?
    package let tags: [String]
    package let updated: String?
    package let draft: Bool
    package let persona: PersonaCardModel?
    package let introductionHTML: String
    package let curve: CurveModel?
    /// The curve drawn, set by the renderer (the same markup is the map's `emotions.svg`).
    package var curveSVG: String? = nil
    package let stageCount: Int
    package let stages: [StageColumnModel]
    package let hasStageDescriptions: Bool
    /// Most stages have no description (`SitePresenter.isSparse`).
    package let sparseStageDescriptions: Bool
    package let rows: [LayerRowModel]
    package let outline: OutlineNode
    package let downloads: DownloadsModel
}

package struct MapCardModel: Sendable {
    package let title: String
    package let url: String
    package let persona: String?
    package let stages: String
    package let tags: [String]
    package let draft: Bool
    package let curve: CurveModel?
    /// The words a screen reader says for the card's sparkline.
    package let sparklineLabel: String
}

package struct SegmentModel: Sendable {
    package let name: String
    package let maps: [MapCardModel]
}

package struct ProductModel: Sendable {
    package let name: String
    package let segments: [SegmentModel]
}

package struct CataloguePageModel: Sendable {
    package let page: PageContext
    package let title: String
    package let mapCount: Int
    package let products: [ProductModel]
    package let personas: [Link]
}

package struct PersonaPageModel: Sendable {
    package let page: PageContext
    package let name: String
    package let role: String?
    package let descriptionHTML: String
    package let sections: [PersonaSectionModel]
    package let maps: [Link]
}
