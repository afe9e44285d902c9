import TropaModel

/// Every file a build of the site reads, found in one walk with one link policy: loading, the build record's
/// snapshot, the theme and `tropa serve`'s watcher all take their list from here, so a new input cannot be read
/// by one of them and missed by another.
package struct SiteInputs: Sendable {
    /// Paths relative to the site folder.
    package var maps: [String] = []
    package var personas: [(id: String, path: String)] = []
    package var staticFiles: [StaticFile] = []
    /// The files of the site's own `templates/` folder.
    package var templates: [String] = []
    /// Every file whose change may change the build, sorted by path: the config, the schema (whether they exist or
    /// not), then the content and template files.
    package var watched: [String] = []
    /// The settings' content and templates folders it was listed with.
    package var folders: (content: String, templates: String) = ("", "")

    /// The CSV files among the static files: those a map may name as its measurements.
    package var csvFiles: [String] {
        staticFiles.map(\.path).filter(Self.isCSV)
    }

    package static func isCSV(_ path: String) -> Bool { path.lowercased().hasSuffix(".csv") }

    /// Whether it is what `list` gives for a site with `config`, taken at the same moment.
    package func isListed(for config: SiteConfig) -> Bool {
        folders == (config.contentPath, config.templatesPath) && watched.first == SiteConfig.fileName
            && watched.dropFirst().first == config.schemaPath
    }

    package static let personaFolder = "personas"

    /// Lists the site in `root`; a missing content folder is an I/O problem (the site has nothing to build).
    package static func list(root: String, config: SiteConfig, reader: FileReading) throws -> SiteInputs {
        var inputs = SiteInputs()
        inputs.folders = (config.contentPath, config.templatesPath)
        let contentRoot = root.appendingPath(config.contentPath)
        guard reader.kind(at: contentRoot) == .directory else {
            throw SiteError(.noContentFolder(contentRoot))
        }
        let content = try reader.files(under: contentRoot)
        let personas = personaFolder + "/"
        inputs.watched = [SiteConfig.fileName, config.schemaPath]
        inputs.watched.reserveCapacity(content.count + 2)
        inputs.maps.reserveCapacity(content.count)
        for relative in content {
            let path = config.contentPath.appendingPath(relative)
            inputs.watched.append(path)
            guard relative.isMarkdownPath else {
                inputs.staticFiles.append(StaticFile(path: path, outputPath: relative))
                continue
            }
            if relative.hasPrefix(personas) {
                inputs.personas.append((String(relative.dropFirst(personas.count).dropLast(3)), path))
            } else {
                inputs.maps.append(path)
            }
        }
        let templatesRoot = root.appendingPath(config.templatesPath)
        if reader.kind(at: templatesRoot) == .directory {
            inputs.templates = try reader.files(under: templatesRoot).map { config.templatesPath.appendingPath($0) }
        }
        inputs.watched += inputs.templates
        return inputs
    }

}
