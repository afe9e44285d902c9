import TropaModel
import Foundation

/// `sitemap.xml` (the Sitemaps 0.9 protocol) and the `robots.txt` that points at it, for a site with `base_url`:
/// the only files with absolute URLs, since every link between pages is relative.
package enum Sitemap {
    /// Every page's URL under `baseURL`, in the order of `pages` (paths relative to the output root).
    package static func xml(baseURL: String, pages: [String]) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            text += "  <url><loc>" + Markup.escape(PagePaths.address(of: page, under: baseURL)) + "</loc></url>\n"
        }
        return text + "</urlset>\n"
    }

    package static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: " + PagePaths.address(of: PagePaths.sitemap, under: baseURL) + "\n"
    }

    /// `path` under the base, each character a URL's path may not hold percent-encoded (the base's escapes kept).
}
