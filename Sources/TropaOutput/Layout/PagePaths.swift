import Foundation
import TropaModel
import TropaAnalysis

/// Where each page goes in the output, relative to its root.
public enum PagePaths {
    public static let catalogue = "index.html"
    /// Every map with its summary, as data (docs/maps.schema.json).
    public static let mapsJSON = "maps.json"
    /// With `base_url`: every page's absolute URL, and the crawlers' file that points at it.
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    /// Every map's evaluation in one table.
    public static let dashboardFolder = "dashboard"
    public static let dashboard = dashboardFolder + "/index.html"
    /// The theme's own files (CSS); `_` cannot begin a slug, so no map can take this folder.
    public static let assets = "_tropa"

    /// Every action of every map; and as a spreadsheet.
    public static let planFolder = "plan"
    public static let plan = planFolder + "/index.html"
    public static let planCSV = planFolder + "/plan.csv"
    /// The plan's page `number` (from 1): the first is the plan's own, the next ones `plan/page/2/` and on, as
    /// Hugo numbers a list's pages.
    public static func planPage(_ number: Int) -> String {
        number == 1 ? plan : planFolder + "/page/\(number)/index.html"
    }
    /// A comparison page per product with several maps, a page per tag and per segment, a comparison per map that
    /// names others in `compare`: each under a folder of its own, which no map may take.
    public static let productsFolder = "products"
    public static let tagsFolder = "tags"
    public static let segmentsFolder = "segments"
    public static let comparisonsFolder = "compare"
    public static let siteFolders = [dashboardFolder, planFolder, productsFolder, tagsFolder, segmentsFolder,
                                     comparisonsFolder]

    public static func product(_ slug: String) -> String { productsFolder + "/" + slug + "/index.html" }
    public static func tag(_ slug: String) -> String { tagsFolder + "/" + slug + "/index.html" }
    public static func segment(_ slug: String) -> String { segmentsFolder + "/" + slug + "/index.html" }
    public static func comparison(ofMap slug: String) -> String { comparisonsFolder + "/" + slug + "/index.html" }

    public static func journeyFolder(_ slug: String) -> String { slug }
    /// A map's history page, inside its folder.
    public static func history(_ slug: String) -> String { journeyFolder(slug) + "/" + historyPage }
    public static let historyPage = "history/index.html"
    public static func persona(_ id: String) -> String { "personas/" + Slug.forContentPath(id) }

    /// A page's absolute address under `baseURL`, each character a URL's path may not hold percent-encoded (the
    /// base's escapes kept): the sitemap's, and the action plan's links in its CSV.
    public static func address(of path: String, under baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        return (base.addingPercentEncoding(withAllowedCharacters: pathCharacters.union(["%"])) ?? base)
            + (path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path)
    }

    /// What a path may hold as it is (RFC 3986 unreserved, sub-delimiters but `&` and `'`, `:`, `@`, `/`): `&` and
    /// `'` would need escaping again in XML.
    private static let pathCharacters = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$()*+,;=:@/")
}
