import TropaModel
import Foundation

/// Where the relative links of a map's Markdown lead once the map is a page: a link to another map's file
/// (`../retail/sofa.md#оплата`) leads to that map's page and stage column, one to a persona's file to the persona's
/// page, one to any other file under `content/` to where it is copied (and is checked like them). External links (a scheme, `//`), links
/// from the output's root (`/…`) and links to a query alone are left as they are. Pure: the page paths are the
/// output's (`PagePaths.journeyFolder`, `PagePaths.persona`), which follow the file's path alone.
package struct MapLinks {
    /// The map's file, relative to the site folder.
    package let path: String
    package let contentPath: String
    /// From the map's page up to the output's root: `../` once per folder of its slug.
    package let root: String
    /// The folders of the map's file under `content/`.
    private let folder: [String]

    package init(path: String, contentPath: String) {
        self.path = path
        self.contentPath = contentPath
        let relative = path.hasPrefix(contentPath + "/") ? String(path.dropFirst(contentPath.count + 1)) : path
        root = String(repeating: "../", count: Slug.forContentPath(relative).split(separator: "/").count)
        folder = relative.split(separator: "/").dropLast().map(String.init)
    }

    /// The href for `url` as written, and the link to check when it leads to a map or persona; nil to leave it.
    package func resolve(_ url: String, at location: SourceLocation) -> (href: String, link: MapLink?)? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("?"), !url.leadsOutOfSite else { return nil }
        let (beforeFragment, fragment) = Self.split(url, at: "#")
        let (written, query) = Self.split(beforeFragment, at: "?")
        let anchor = fragment.map { $0.removingPercentEncoding ?? $0 }.flatMap { $0.isEmpty ? nil : $0 }
        if written.isEmpty {
            // `#оплата`: a stage of this map.
            guard let anchor, query == nil else { return nil }
            return ("#" + StageID.anchor(fragment: anchor), MapLink(text: url, target: path, anchor: anchor, location: location))
        }
        var parts = folder
        var above = 0
        for part in (written.removingPercentEncoding ?? written).split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty { above += 1 } else { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        // `../content/retail/sofa.md` leaves `content/` and comes back into it: a path under it like any other.
        let content = contentPath.split(separator: "/").map(String.init)
        if above > 0, above <= content.count, case let back = content.dropLast(above) + parts,
           back.count > content.count, back.starts(with: content) {
            parts = Array(back.dropFirst(content.count))
            above = 0
        }
        let up = String(repeating: "../", count: above)
        let relative = parts.joined(separator: "/")
        guard relative.isMarkdownPath, !written.hasSuffix("/") else {
            // Any other file is copied to the same path under the output as under `content/`. A path that leaves
            // `content/` is left as written: it names something beside the site (or was written from the page's
            // folder, as before links were resolved).
            guard above == 0 else { return nil }
            let folderMark = written.hasSuffix("/") && !relative.isEmpty ? "/" : ""
            // A file (not a folder) is checked against the site's files, as a map is against its maps.
            let file = folderMark.isEmpty && !relative.isEmpty
                ? MapLink(text: url, target: contentPath + "/" + relative, anchor: nil, location: location) : nil
            return (root + Self.escape(relative) + folderMark + (query.map { "?" + $0 } ?? "")
                    + (fragment.map { "#" + $0 } ?? ""), file)
        }
        let target = above > 0 ? up + relative : contentPath + "/" + relative
        let personaFolder = SiteInputs.personaFolder + "/"
        if above == 0, relative.hasPrefix(personaFolder) {
            let id = String(relative.dropFirst(personaFolder.count).dropLast(3))
            return (root + "personas/" + Slug.forContentPath(id) + "/index.html",
                    MapLink(text: url, target: target, anchor: nil, location: location))
        }
        let page = root + up + Slug.forContentPath(relative) + "/index.html"
        return (page + (anchor.map { "#" + StageID.anchor(fragment: $0) } ?? ""),
                MapLink(text: url, target: target, anchor: anchor, location: location))
    }

    private static func split(_ text: String, at mark: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: mark) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    /// A decoded path as a destination: cmark percent-encodes what an href may not hold when it renders, but
    /// leaves `%` alone and would read `?` and `#` as the query and fragment.
    private static func escape(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3F")
            .replacingOccurrences(of: "#", with: "%23")
    }
}
