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

    public func write<Part: Collection<UInt8>>(parts: some Sequence<Part>, to path: String) throws {
        try write(to: path) { output in
            parts.allSatisfy { part in
                part.withContiguousStorageIfAvailable { Self.write(UnsafeRawBufferPointer($0), to: output) }
                    ?? Array(part).withUnsafeBytes { Self.write($0, to: output) }
            }
        }
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        try write(to: path) { Self.write(buffer, to: $0) }
    }

    /// The patch's new parts are written, its kept parts copied by the kernel from `source` to the file (the plan's
    /// CSV is 26 MB at 10,000 maps; through this process's memory it took twice as long).
    public func write(_ patch: FilePatch, of source: String, to path: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SiteError(.cannotRead(source, reader.reason(for: source))) }
        defer { close(input) }
        var shorter: Range<Int>?
        do {
            try write(to: path) { output in
                // Its blocks taken before it is written, so that the file has none left for ext4 to allocate when
                // the update's move puts it over the output's (`auto_da_alloc`): that started writing the plan's
                // 26 MB CSV to disk at once, and the discards of the folders freed after it waited behind it
                // (15 ms of a one-map rebuild, on a file system mounted with `discard`).
                _ = fallocate?(output, fallocateKeepSize, 0, Int64(patch.size))
                return patch.parts.allSatisfy { part in
                    switch part {
                    case .new(let bytes):
                        return bytes.withUnsafeBytes { Self.write($0, to: output) }
                    case .kept(let range):
                        let copied = Self.copy(range, from: input, to: output)
                        if copied == false { shorter = range }
                        return copied == true
                    }
                }
            }
        } catch let error as SiteError {
            throw shorter.map { SiteError.endsEarly(source, $0) } ?? error
        }
    }

    /// Writes the file at `path` through `body`, which is given it open and says whether it wrote it whole.
    private func write(to path: String, _ body: (Int32) -> Bool) throws {
        // Plain open/write/close: a build writes thousands of files, and a folder is made only when missing.
        var written = writeFile(to: path, body)
        guard written != true else { return }
        let parent = path.parentPath
        if written == nil, errno == ENOENT, !parent.isEmpty {
            try createDirectory(parent)
            written = writeFile(to: path, body)
        }
        guard written == true else { throw SiteError(.cannotWrite(path, reader.reason(for: parent))) }
    }

    public func append(_ bytes: [UInt8], to path: String) throws {
        let appended = bytes.withUnsafeBytes { buffer in
            writeFile(to: path, flags: O_WRONLY | O_APPEND | O_CLOEXEC) { Self.write(buffer, to: $0) } == true
        }
        guard appended else { throw SiteError(.cannotWrite(path, reader.reason(for: path))) }
    }

    /// Whether `body` wrote the file whole and it was closed; nil when it could not be opened.
    private func writeFile(to path: String, flags: Int32 = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                           _ body: (Int32) -> Bool) -> Bool? {
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { return nil }
        let complete = body(descriptor)
        let closed = close(descriptor) == 0
        return complete && closed
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var written = 0
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

    /// Copies `range` of the file open as `input` to where `output` is; false when `input` ends before it, nil
    /// when writing fails.
    private static func copy(_ range: Range<Int>, from input: Int32, to output: Int32) -> Bool? {
        var offset = Int64(range.lowerBound), left = range.count
        while left > 0 {
            let count = copyFileRange?(input, &offset, output, nil, left, 0) ?? -1
            if count == 0 { return false }
            if count > 0 {
                left -= count
                continue
            }
            if errno == EINTR { continue }
            // Another file system, or a kernel without it: through memory, a megabyte at a time.
            var buffer = [UInt8](repeating: 0, count: min(left, 1 << 20))
            while left > 0 {
                let read = buffer.withUnsafeMutableBytes { pread(input, $0.baseAddress!, min(left, $0.count), off_t(offset)) }
                if read == 0 { return false }
                if read < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                guard buffer.withUnsafeBytes({ write(UnsafeRawBufferPointer(rebasing: $0[..<read]), to: output) }) else { return nil }
                (offset, left) = (offset + Int64(read), left - read)
            }
        }
        return true
    }

    /// Asked of the file it opened, not of the path before: what it writes is that file. A file it may not write
    /// (a mode changed since) is one to write anew too, which needs only its folder.
    public func apply(_ edit: FileEdit, to path: String) throws -> Bool {
        // Not blocking: a pipe put in a file's place would wait for a reader.
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0, [ELOOP, EACCES, EPERM, EISDIR].contains(errno) { return false }
        guard descriptor >= 0 else { throw SiteError(.cannotWrite(path, reader.reason(for: path))) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
            close(descriptor)
            return false
        }
        let written = edit.pieces.allSatisfy { piece in
            var done = 0
            return piece.bytes.withUnsafeBytes { buffer in
                while done < buffer.count {
                    let count = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(piece.offset + done))
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    done += count
                }
                return true
            }
        } && ftruncate(descriptor, off_t(edit.size)) == 0
        guard close(descriptor) == 0, written else { throw SiteError(.cannotWrite(path, reader.reason(for: path))) }
        return true
    }

    public func lock(_ path: String, whenBusy: () -> Void) throws -> (lock: FileLock, waited: Bool) {
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        // An output whose folder is still to be made: made now, so that the first two builds into it are kept apart
        // too (the build would make it anyway).
        if descriptor < 0, errno == ENOENT, Self.makeFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path) {
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw SiteError(.cannotWrite(path, reader.reason(for: path))) }
        let opened = descriptor
        let lock = FileLock { close(opened) }
        // `flock`: whole-file, and released by the system with the process. A file system without locks (some
        // network mounts) says so at once, and is written as before, unlocked.
        guard flock(descriptor, LOCK_EX | LOCK_NB) != 0, errno == EWOULDBLOCK else { return (lock, false) }
        whenBusy()
        while flock(descriptor, LOCK_EX) != 0 {
            // Not held after all (no lock left to give): written as without locks, and not told as waited for.
            guard errno == EINTR else { return (lock, false) }
        }
        return (lock, true)
    }

    public func createDirectory(_ path: String) throws {
        guard !Self.makeFolder(path) else { return }
        throw SiteError(.cannotCreateFolder(path, reader.reason(for: path)))
    }

    /// Makes the folder and those missing above it, as `FileManager` does with intermediate folders; whether it is
    /// a folder now. `mkdir` first, since the parent is almost always there: `FileManager` looked at and rewrote
    /// the path before each of a cold build's 10,000 map folders.
    private static func makeFolder(_ path: String) -> Bool {
        if mkdir(path, 0o777) == 0 { return true }
        switch errno {
        case EEXIST:
            return isFolder(path)
        case ENOENT:
            let parent = path.parentPath
            guard !parent.isEmpty, parent != path, makeFolder(parent) else { return false }
            // Another thread may have made it meanwhile.
            return mkdir(path, 0o777) == 0 || (errno == EEXIST && isFolder(path))
        default:
            // Some systems answer for a folder that is there with another error (`EISDIR` for `/` on macOS, `EROFS`
            // on a read-only mount): it is there all the same, as `FileManager` found.
            return isFolder(path)
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    public func removeItem(_ path: String) throws {
        Self.removeFoldersAtOnce(under: path)
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SiteError(.cannotRemove(path, reader.reason(for: path)))
        }
    }

    /// Removes the many folders of a folder (an output's maps' folders) on sixteen threads at once, when it has at
    /// least 64 in it or, failing that, 64 one level down; `FileManager` then removes the rest, and says what could
    /// not be. A link to a folder is not gone through: `FileManager` removes the link alone. On a file system
    /// mounted with `discard` each freed file waits for the disk: one thread took 7.7 s to remove the previous output
    /// of a 10,000-map site (80,000 files), sixteen 2.8 s.
    private static func removeFoldersAtOnce(under path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        var folders = [path]
        for _ in 0..<2 where folders.count < 64 { folders = folders.flatMap(subfolders) }
        guard folders.count >= 64 else { return }
        let queue = FolderQueue(folders), done = DispatchGroup()
        for _ in 0..<16 {
            done.enter()
            Thread {
                while let folder = queue.next() { try? FileManager.default.removeItem(atPath: folder) }
                done.leave()
            }.start()
        }
        done.wait()
    }

    /// The folders in `path`, not through links: a link to a folder is removed as a link.
    private static func subfolders(of path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let child = path + "/" + name
            var info = stat()
            if entry.pointee.d_type == UInt8(DT_DIR)
                || (entry.pointee.d_type == UInt8(DT_UNKNOWN) && lstat(child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
                folders.append(child)
            }
        }
        return folders
    }

    public func moveItem(_ source: String, to destination: String) throws {
        // A large file moved over is freed on another thread, as its last descriptor closes: freed inside `rename`,
        // the plan's 26 MB CSV took 7–8 ms of a one-map rebuild at 10,000 maps.
        let replaced = open(destination, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        var info = stat()
        let large = replaced >= 0 && fstat(replaced, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            && info.st_size > 1 << 20
        if replaced >= 0 && !large { close(replaced) }
        guard rename(source, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            if large { close(replaced) }
            throw SiteError(.cannotMove(source, to: destination, .system(reason)))
        }
        if large { DispatchQueue.global().async { close(replaced) } }
    }

    public func isWritableFolder(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }
}

/// `fallocate(2)`, which Glibc's Swift module does not declare (`posix_fallocate` writes a byte to every block
/// where the file system lacks it): the blocks a file is about to hold, allocated at once. Nil where the C library
/// lacks it.
private let fallocate: (@convention(c) (Int32, Int32, Int64, Int64) -> Int32)? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "fallocate") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32, Int64, Int64) -> Int32).self)
}()

/// The file's size stays what is written to it, whatever `fallocate` reserved beyond it.
private let fallocateKeepSize: Int32 = 1

/// `copy_file_range(2)`, which Glibc's Swift module does not declare: the kernel copies a part of one file into
/// another without it passing through this process. Nil where the C library lacks it.
private let copyFileRange: (@convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?,
                                            Int, UInt32) -> Int)? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "copy_file_range") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32,
                                                      UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int).self)
}()

/// Folders handed out one at a time to the threads that remove them.
private final class FolderQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: ArraySlice<String>

    init(_ folders: [String]) { self.folders = folders[...] }

    func next() -> String? { lock.withLock { folders.popFirst() } }
}
