import Foundation

/// The real file system. Links are followed only while they stay inside `root`.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func kind(at path: String) -> FileKind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .directory : .file
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SiteError("cannot read \(path): \(reason(for: path))")
        }
        return [UInt8](data)
    }

    public func files(under directory: String) throws -> [String] {
        guard let root = realPath(directory) else { throw SiteError("cannot open the folder \(directory)") }
        var result: [String] = []
        try collect(directory, relative: "", root: root, into: &result)
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func collect(_ directory: String, relative: String, root: String, into result: inout [String]) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw SiteError("cannot read the folder \(directory): \(reason(for: directory))")
        }
        // In name order, not the file system's: of two bad links, the same one is reported on every machine.
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let path = directory.appendingPath(name)
            let relativePath = relative.appendingPath(name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                guard let target = realPath(path) else {
                    throw SiteError("the link \(path) leads nowhere (a broken link or a loop of links)")
                }
                guard target == root || target.hasPrefix(root + "/") else {
                    throw SiteError("the link \(path) points outside the site, to \(target)")
                }
            }
            switch kind(at: path) {
            case .directory: try collect(path, relative: relativePath, root: root, into: &result)
            case .file: result.append(relativePath)
            case nil: throw SiteError("cannot read \(path): \(reason(for: path))")
            }
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try createDirectory(parent) }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw SiteError("cannot write \(path): \(reason(for: parent))")
        }
    }

    public func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SiteError("cannot create the folder \(path): \(reason(for: path))")
        }
    }

    public func removeItem(_ path: String) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SiteError("cannot remove \(path): \(reason(for: path))")
        }
    }

    public func moveItem(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw SiteError("cannot move \(source) to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    public func isWritableFolder(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why a path cannot be used, in the system's words.
    private func reason(for path: String) -> String {
        if access(path, F_OK) != 0 { return "no such file or folder" }
        if access(path, R_OK) != 0 { return "permission denied" }
        return String(cString: strerror(errno))
    }
}
