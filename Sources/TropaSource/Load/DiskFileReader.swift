import TropaModel
import Foundation

/// The real file system, read only. A listing follows links only while they stay inside the folder listed, and
/// enters each folder once.
public struct DiskFileReader: FileReading {
    public init() {}

    public func kind(at path: String) -> FileKind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .directory : .file
    }

    public func read(_ path: String) throws -> [UInt8] {
        // Straight into the array: through `Data` every file was copied once more (the record of a 10,000-map
        // build is 14 MB, read on every rebuild).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SiteError(.cannotRead(path, reason(for: path))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw SiteError(.cannotRead(path, .system(String(cString: strerror(errno)))))
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw SiteError(.cannotRead(path, .isFolder)) }
        // One byte more than the size: the read that returns 0 ends the file, even one that grew since `fstat`
        // or whose size the system does not know.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let (count, error) = bytes.withUnsafeMutableBytes { buffer in
                (Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled), errno)
            }
            if count == 0 { break }
            if count < 0 {
                if error == EINTR { continue }
                throw SiteError(.cannotRead(path, .system(String(cString: strerror(error)))))
            }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    public func read(_ path: String, range: Range<Int>) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SiteError(.cannotRead(path, reason(for: path))) }
        defer { close(descriptor) }
        guard range.lowerBound >= 0 else { throw SiteError.endsEarly(path, range) }
        // An empty part is there when the file reaches its start, as it is for the other file systems.
        var info = stat()
        if range.isEmpty, fstat(descriptor, &info) != 0 || Int(info.st_size) < range.lowerBound {
            throw SiteError.endsEarly(path, range)
        }
        // Read into the array's room as it is, not first filled with zeros: an update reads 70 MB of pages.
        var failure: SiteError?
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var filled = 0
            while filled < range.count {
                let count = pread(descriptor, buffer.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
                let error = errno
                if count > 0 {
                    filled += count
                } else if count < 0 && error == EINTR {
                    continue
                } else {
                    failure = count == 0 ? SiteError.endsEarly(path, range)
                        : SiteError(.cannotRead(path, .system(String(cString: strerror(error)))))
                    break
                }
            }
            initialized = failure == nil ? range.count : 0
        }
        if let failure { throw failure }
        return bytes
    }

    public func status(at path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    public func statuses(of paths: [String], in folder: String) -> [FileStatus?] {
        // Relative to the open folder, the kernel walks only the part of each path below it.
        // A folder that cannot be opened (searchable but not readable, mode 0711; or no descriptor left) is asked
        // path by path, as the default does.
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return parallelMap(paths) { status(at: folder.appendingPath($0)) } }
        defer { close(descriptor) }
        return parallelMap(paths) { path in
            var info = stat()
            return fstatat(descriptor, path, &info, 0) == 0 ? FileStatus(info) : nil
        }
    }

    public func files(under directory: String) throws -> [String] {
        guard let root = realPath(directory) else { throw SiteError(.cannotOpenFolder(directory)) }
        var result: [String] = []
        try collect(directory, relative: "", root: root, into: &result)
        return result.sorted { $0.utf8Precedes($1) }
    }

    private func collect(_ directory: String, relative: String, root: String, into result: inout [String]) throws {
        // readdir gives each entry's type, so a listing of thousands of maps costs no `stat` per file.
        guard let stream = opendir(directory) else {
            throw SiteError(.cannotReadFolder(directory, reason(for: directory)))
        }
        var entries: [(name: String, order: NameOrder, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { entries.append((name, NameOrder(name), entry.pointee.d_type)) }
        }
        closedir(stream)
        // In name order, not the file system's: of two bad links, the same one is reported on every machine.
        entries.sort { $0.order.precedes($1.order) ?? $0.name.utf8Precedes($1.name) }
        for (name, _, type) in entries {
            let relativePath = relative.appendingPath(name)
            // A file's full path is not needed: most entries are files.
            if type == DT_REG {
                result.append(relativePath)
                continue
            }
            let path = directory.appendingPath(name)
            var kind: FileKind? = type == DT_DIR ? .directory : nil
            var linkTarget: String?
            if type == DT_LNK || type == DT_UNKNOWN {
                if type == DT_LNK || isLink(path) {
                    guard let target = realPath(path) else {
                        throw SiteError(.linkNowhere(path))
                    }
                    guard target == root || target.hasPrefix(root + "/") else {
                        throw SiteError(.linkOutside(path, target: target))
                    }
                    linkTarget = target
                }
                kind = self.kind(at: path)
            }
            // A link to a folder that holds it would be listed forever.
            if kind == .directory, let target = linkTarget, let here = realPath(directory),
               here == target || here.hasPrefix(target + "/") {
                throw SiteError(.linkBack(path, target: target))
            }
            switch kind {
            case .directory: try collect(path, relative: relativePath, root: root, into: &result)
            case .file: result.append(relativePath)
            case nil: throw SiteError(.notFileOrFolder(path))
            }
        }
    }

    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    package func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why a path cannot be used, in the system's words.
    package func reason(for path: String) -> Message.Reason {
        if access(path, F_OK) != 0 { return .missing }
        if access(path, R_OK) != 0 { return .denied }
        return .system(String(cString: strerror(errno)))
    }
}

private extension FileStatus {
    init(_ info: stat) {
        self.init(size: Int(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}

/// A name's first sixteen bytes (of its UTF-8, a byte not valid there read as U+FFFD, as the name holds it) as two
/// words, most significant first, and its length: two names compare as their bytes do by these alone, but for two
/// longer names that begin alike. Sorted as strings, a folder's 500 maps took a tenth of a rebuild with nothing
/// changed at 10,000 maps (a short string is copied out for each comparison).
struct NameOrder {
    private let high: UInt64, low: UInt64, count: Int

    init(_ name: String) {
        var words: (UInt64, UInt64) = (0, 0)
        for (index, byte) in name.utf8.prefix(16).enumerated() {
            let shifted = UInt64(byte) << UInt64(56 - 8 * (index % 8))
            if index < 8 { words.0 |= shifted } else { words.1 |= shifted }
        }
        (high, low, count) = (words.0, words.1, name.utf8.count)
    }

    /// Whether the first name's bytes come before the second's; nil when these cannot tell: both are longer than
    /// sixteen bytes and begin with the same sixteen. A name holds no zero byte, so a shorter one's padding comes
    /// first, and two names of sixteen bytes or fewer with the same words are the same name.
    func precedes(_ other: NameOrder) -> Bool? {
        if high != other.high { return high < other.high }
        if low != other.low { return low < other.low }
        switch (count > 16, other.count > 16) {
        case (false, false), (true, false): return false
        // Only a name of sixteen bytes has the words of a longer one: it begins that one.
        case (false, true): return true
        case (true, true): return nil
        }
    }
}
