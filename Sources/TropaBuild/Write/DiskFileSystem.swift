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
    public func read(_ path: String, range: Range<Int>) throws -> [UInt8] { try reader.read(path, range: range) }
    public func status(at path: String) -> FileStatus? { reader.status(at: path) }
    public func statuses(of paths: [String], in folder: String) -> [FileStatus?] { reader.statuses(of: paths, in: folder) }
    public func files(under directory: String) throws -> [String] { try reader.files(under: directory) }

    public func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    public func write(text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        // Plain open/write/close: a build writes thousands of files, and a folder is made only when missing.
        if writeFile(buffer, to: path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        if errno == ENOENT, !parent.isEmpty {
            try createDirectory(parent)
            if writeFile(buffer, to: path) { return }
        }
        throw SiteError(.cannotWrite(path, reader.reason(for: parent)))
    }

    public func append(_ bytes: [UInt8], to path: String) throws {
        let appended = bytes.withUnsafeBytes { writeFile($0, to: path, flags: O_WRONLY | O_APPEND | O_CLOEXEC) }
        guard appended else { throw SiteError(.cannotWrite(path, reader.reason(for: path))) }
    }

    private func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String,
                           flags: Int32 = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC) -> Bool {
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        var complete = true
        while written < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                complete = false
                break
            }
            written += count
        }
        let closed = close(descriptor) == 0
        return complete && closed
    }

    public func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SiteError(.cannotCreateFolder(path, reader.reason(for: path)))
        }
    }

    public func removeItem(_ path: String) throws {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SiteError(.cannotRemove(path, reader.reason(for: path)))
        }
    }

    public func moveItem(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw SiteError(.cannotMove(source, to: destination, .system(String(cString: strerror(errno)))))
        }
    }

    public func isWritableFolder(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

}
