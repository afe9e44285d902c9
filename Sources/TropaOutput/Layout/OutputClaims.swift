import TropaModel
import TropaAnalysis

/// Checks that no two things of a site claim one place in the output: two maps or personas with one folder, or a
/// static file where tropa writes a page.
package struct OutputClaims {
    /// Each map's file and output folder.
    package let maps: [(path: String, slug: String)]
    package let personas: [Persona]
    package let staticFiles: [StaticFile]
    /// Whether the build writes `sitemap.xml` and `robots.txt` (the site has a `base_url`); without, a site's own
    /// `robots.txt` is copied like any file.
    package let sitemap: Bool

    package init(maps: [(path: String, slug: String)], personas: [Persona], staticFiles: [StaticFile], sitemap: Bool = false) {
        self.maps = maps
        self.personas = personas
        self.staticFiles = staticFiles
        self.sitemap = sitemap
    }

    package func conflicts() -> [Diagnostic] {
        // The site's own pages hold their folders first: a map there is the one to rename.
        var owners: [String: Message.Owner] = [:]
        var diagnostics: [Diagnostic] = []
        let folders = personas.map { (PagePaths.persona($0.id), $0.path, Message.Owner.persona) }
            + maps.map { (PagePaths.journeyFolder($0.slug), $0.path, Message.Owner.map) }
        for (folder, path, what) in folders {
            let reserved = PagePaths.siteFolders.first { folder == $0 || folder.hasPrefix($0 + "/") }
            if let owner = reserved != nil ? .sitePages : owners[folder] {
                diagnostics.append(.error(.duplicateSlug, .folderTaken(what: what, folder: folder, owner: owner),
                                          at: SourceLocation(file: path, line: 1),
                                          suggestion: reserved.map(Message.renameOffSitePages) ?? .renameOne))
            } else {
                owners[folder] = .file(path)
            }
        }
        guard !staticFiles.isEmpty else { return diagnostics }
        let written = writtenPaths()
        // The site's own folders are tropa's whole: which pages they hold depends on every map.
        let owned = [PagePaths.assets] + PagePaths.siteFolders
        for file in staticFiles where written(file.outputPath) || owned.contains(where: { file.outputPath.hasPrefix($0 + "/") }) {
            diagnostics.append(.error(.outputConflict, .overwritesPage(file.outputPath),
                                      at: SourceLocation(file: file.path, line: 1), suggestion: .renameOrMove))
        }
        return diagnostics
    }

    /// Whether the build writes a file at a path of the output: the catalogue and its data, a page of a map's or
    /// persona's folder, a map's files (and its history's page, `history`), a page of the site's own folders or
    /// the plan's table, or a theme file. Each path's folder and name are looked up: the paths of every map's files,
    /// made and hashed, were most of the site checks of 10,000 maps.
    package func writtenPaths(history: Bool = false) -> (String) -> Bool {
        let mapFolders = Set(maps.map { PagePaths.journeyFolder($0.slug) })
        let pageFolders = mapFolders.union(personas.map { PagePaths.persona($0.id) })
        let mapFiles = Set(MapOutput.fileNames)
        let pages = Set([PagePaths.catalogue, PagePaths.mapsJSON, PagePaths.planCSV]
                        + (sitemap ? [PagePaths.sitemap, PagePaths.robots] : []))
        let historyFolder = "/" + PagePaths.historyPage.folderAndName.folder
        return { path in
            let (folder, name) = path.folderAndName
            if pages.contains(path) || mapFiles.contains(name) && mapFolders.contains(folder) || path.hasPrefix(PagePaths.assets + "/") {
                return true
            }
            guard name == "index.html" else { return false }
            return pageFolders.contains(folder) || PagePaths.siteFolders.contains { folder == $0 || folder.hasPrefix($0 + "/") }
                || history && folder.hasSuffix(historyFolder) && mapFolders.contains(String(folder.dropLast(historyFolder.count)))
        }
    }
}
