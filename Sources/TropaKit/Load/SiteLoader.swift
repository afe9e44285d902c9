/// A file as read from disk: its path relative to the site folder and its bytes.
public struct RawFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// The files under `content/`, sorted by kind, not yet read.
struct ContentListing: Sendable {
    /// Paths relative to the site folder.
    var journeys: [String] = []
    var personas: [(id: String, path: String)] = []
    var staticFiles: [StaticFile] = []
}

/// The first end of the pipeline: finds and reads a site's files.
struct SiteLoader: Sendable {
    let fileSystem: FileSystem
    /// The site folder.
    let root: String

    static let personaFolder = "personas"

    func requireSiteFolder() throws {
        switch fileSystem.kind(at: root) {
        case .directory: return
        case .file: throw SiteError("\(root) is a file, not a site folder")
        case nil: throw SiteError("no such folder: \(root)")
        }
    }

    /// A file of the site when it exists; `required` files that are missing are an I/O problem.
    func readOptional(_ path: String, required: Bool = false) throws -> RawFile? {
        let fullPath = root.appendingPath(path)
        switch fileSystem.kind(at: fullPath) {
        case .file: return RawFile(path: path, bytes: try fileSystem.read(fullPath))
        case .directory: throw SiteError("\(fullPath) is a folder, not a file")
        case nil:
            if required { throw SiteError("no such file: \(fullPath)") }
            return nil
        }
    }

    func listContent(_ config: SiteConfig) throws -> ContentListing {
        let contentRoot = root.appendingPath(config.contentPath)
        guard fileSystem.kind(at: contentRoot) == .directory else {
            throw SiteError("no content folder: \(contentRoot) (maps go in content/*.md)")
        }
        var listing = ContentListing()
        for relative in try fileSystem.files(under: contentRoot) {
            let path = config.contentPath.appendingPath(relative)
            guard relative.lowercased().hasSuffix(".md") else {
                listing.staticFiles.append(StaticFile(path: path, outputPath: relative))
                continue
            }
            if relative.hasPrefix(Self.personaFolder + "/") {
                let id = String(relative.dropFirst(Self.personaFolder.count + 1).dropLast(3))
                listing.personas.append((id, path))
            } else {
                listing.journeys.append(path)
            }
        }
        return listing
    }

    /// Reads files on every core; the order of the result is the order of `paths`.
    func read(_ paths: [String]) throws -> [RawFile] {
        try parallelMap(paths) { path in Result { try read(path) } }.map { try $0.get() }
    }

    func read(_ path: String) throws(SiteError) -> RawFile {
        do {
            return RawFile(path: path, bytes: try fileSystem.read(root.appendingPath(path)))
        } catch let error as SiteError {
            throw error
        } catch {
            throw SiteError("cannot read \(path): \(error)")
        }
    }
}
