import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import Foundation

/// A file system held in memory, for tests and previews: paths are plain strings, folders are implied.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private var storage: [String: [UInt8]]
    /// When each file was last written, counted in writes; a folder reads as the count now. Such times are never a
    /// second older than anything, so a build record never trusts a folder's time here (`OutputWriter.holdsEvery`
    /// looks at every file): the disk tests cover that path.
    private var modified: [String: Int64] = [:]
    private var writes: Int64 = 0
    private let lock = NSLock()

    public init(files: [String: String] = [:]) {
        // Keys are kept in the form every lookup uses, so "/site/a.md" and "site/a.md" name one file.
        storage = Dictionary(files.map { (Self.normalize($0.key), Array($0.value.utf8)) }) { _, last in last }
    }

    /// Every file and its bytes, by path.
    public var contents: [String: [UInt8]] { lock.withLock { storage } }

    /// One process holds a memory file system: nothing else can hold its locks, so none is ever waited for.
    public func lock(_ path: String, whenBusy: () -> Void) throws -> (lock: FileLock, waited: Bool) {
        (FileLock {}, false)
    }

    public func text(at path: String) -> String? {
        lock.withLock { storage[normalize(path)].map { String(decoding: $0, as: UTF8.self) } }
    }

    public func kind(at path: String) -> FileKind? {
        let path = normalize(path)
        return lock.withLock {
            if storage[path] != nil { return .file }
            let prefix = path.isEmpty ? "" : path + "/"
            return storage.keys.contains { $0.hasPrefix(prefix) } ? .directory : nil
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = lock.withLock({ storage[normalize(path)] }) else {
            throw SiteError(.cannotRead(path, .missing))
        }
        return bytes
    }

    public func status(at path: String) -> FileStatus? {
        let path = normalize(path)
        return lock.withLock {
            if let bytes = storage[path] { return FileStatus(size: bytes.count, modified: modified[path] ?? 0) }
            let prefix = path.isEmpty ? "" : path + "/"
            return storage.keys.contains { $0.hasPrefix(prefix) } ? FileStatus(size: 0, modified: writes) : nil
        }
    }

    public func files(under directory: String) throws -> [String] {
        let prefix = normalize(directory).isEmpty ? "" : normalize(directory) + "/"
        return lock.withLock {
            storage.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted { $0.utf8Precedes($1) }
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.withLock {
            writes += 1
            storage[normalize(path)] = bytes
            modified[normalize(path)] = writes
        }
    }

    public func append(_ bytes: [UInt8], to path: String) throws {
        try lock.withLock {
            guard let earlier = storage[normalize(path)] else { throw SiteError(.cannotWrite(path, .missing)) }
            writes += 1
            storage[normalize(path)] = earlier + bytes
            modified[normalize(path)] = writes
        }
    }

    public func createDirectory(_ path: String) throws {}

    /// Folders in memory have no permissions.
    public func isWritableFolder(_ path: String) -> Bool { true }

    public func removeItem(_ path: String) throws {
        let path = normalize(path)
        lock.withLock {
            storage = storage.filter { $0.key != path && !$0.key.hasPrefix(path + "/") }
        }
    }

    public func moveItem(_ source: String, to destination: String) throws {
        let (source, destination) = (normalize(source), normalize(destination))
        try lock.withLock {
            guard storage.keys.contains(where: { $0 == source || $0.hasPrefix(source + "/") }) else {
                throw SiteError(.cannotMove(source, to: nil, .missing))
            }
            var moved: [String: [UInt8]] = [:]
            for (path, bytes) in storage {
                if path == source {
                    moved[destination] = bytes
                } else if path.hasPrefix(source + "/") {
                    moved[destination + path.dropFirst(source.count)] = bytes
                } else if path != destination && !path.hasPrefix(destination + "/") {
                    moved[path] = bytes
                }
            }
            storage = moved
            // A move keeps a file's time, as `rename` does.
            modified = Dictionary(uniqueKeysWithValues: moved.keys.map { path in
                let origin = path == destination ? source
                    : path.hasPrefix(destination + "/") ? source + path.dropFirst(destination.count) : path
                return (path, modified[origin] ?? 0)
            })
        }
    }

    private func normalize(_ path: String) -> String { Self.normalize(path) }

    private static func normalize(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
