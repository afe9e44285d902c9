import TropaModel

/// A file as read from disk: its path relative to the site folder and its bytes.
public struct RawFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The first end of the pipeline: finds and reads a site's files.
package struct SiteLoader: Sendable {
    package let fileSystem: FileReading
    /// The site folder.
    package let root: String

    package init(fileSystem: FileReading, root: String) {
        self.fileSystem = fileSystem
        self.root = root
    }

    package func requireSiteFolder() throws {
        switch fileSystem.kind(at: root) {
        case .directory: return
        case .file: throw SiteError(.notSiteFolder(root))
        case nil: throw SiteError(.noSuchFolder(root))
        }
    }

    /// A file of the site when it exists; `required` files that are missing are an I/O problem.
    package func readOptional(_ path: String, required: Bool = false) throws -> RawFile? {
        let fullPath = root.appendingPath(path)
        switch fileSystem.kind(at: fullPath) {
        case .file: return RawFile(path: path, bytes: try fileSystem.read(fullPath))
        case .directory: throw SiteError(.folderNotFile(fullPath))
        case nil:
            if required { throw SiteError(.noSuchFile(fullPath)) }
            return nil
        }
    }

    /// Reads files on every core; the order of the result is the order of `paths`.
    package func read(_ paths: [String]) throws -> [RawFile] {
        try parallelMap(paths) { path in Result { try read(path) } }.map { try $0.get() }
    }

    package func read(_ path: String) throws(SiteError) -> RawFile {
        do {
            return RawFile(path: path, bytes: try fileSystem.read(root.appendingPath(path)))
        } catch let error as SiteError {
            throw error
        } catch {
            throw SiteError(.cannotRead(path, .system("\(error)")))
        }
    }
}
