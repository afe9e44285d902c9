import TropaModel
import TropaAnalysis

/// Where each page goes in the output, relative to its root.
public enum PagePaths {
    public static let catalogue = "index.html"
    /// Every map's evaluation in one table.
    public static let dashboardFolder = "dashboard"
    public static let dashboard = dashboardFolder + "/index.html"
    /// The theme's own files (CSS); `_` cannot begin a slug, so no map can take this folder.
    public static let assets = "_tropa"

    public static func journeyFolder(_ slug: String) -> String { slug }
    /// A map's history page, inside its folder.
    public static func history(_ slug: String) -> String { journeyFolder(slug) + "/" + historyPage }
    public static let historyPage = "history/index.html"
    public static func persona(_ id: String) -> String { "personas/" + Slug.forContentPath(id) }
}
