import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import Foundation

/// The real file system: `DiskFileReader`'s reading, and writing for the output writer and the authoring
/// commands.
public struct DiskFileSystem: FileSystem {
    private let reader = DiskFileReader()

    public init() {}

    public func kind(at path: String) -> FileKind? { reader.kind(at: path) }
    public func read(_ path: String) throws -> [UInt8] { try reader.read(path) }
    public func status(at path: String) -> FileStatus? { reader.status(at: path) }
    public func statuses(of paths: [String], in folder: String) -> [FileStatus?] { reader.statuses(of: paths, in: folder) }
    public func files(under directory: String) throws -> [String] { try reader.files(under: directory) }

    public func write(_ bytes: [UInt8], to path: String) throws {
        // Plain open/write/close: a build writes thousands of files, and a folder is made only when missing.
        if writeFile(bytes, to: path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        if errno == ENOENT, !parent.isEmpty {
            try createDirectory(parent)
            if writeFile(bytes, to: path) { return }
        }
        throw SiteError("cannot write \(path): \(reader.reason(for: parent))")
    }

    private func writeFile(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        return complete && closed
    }

    public func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SiteError("cannot create the folder \(path): \(reader.reason(for: path))")
        }
    }

    public func removeItem(_ path: String) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SiteError("cannot remove \(path): \(reader.reason(for: path))")
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

}
