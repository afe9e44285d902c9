import TropaModel

/// Writing files: only the last end of the pipeline (the output writer) and the authoring commands do.
public protocol FileWriting: Sendable {
    /// Writes `bytes`, creating the folders above the file.
    func write(_ bytes: [UInt8], to path: String) throws
    /// Writes `text` as UTF-8, creating the folders above the file.
    func write(text: String, to path: String) throws
    /// Writes `parts` one after the other into one file, creating the folders above it; each part is read once.
    func write<Part: Collection<UInt8>>(parts: some Sequence<Part>, to path: String) throws
    /// Adds `bytes` to the end of the file at `path`, which must exist.
    func append(_ bytes: [UInt8], to path: String) throws
    /// Writes the file `patch` makes of the file at `source`, creating the folders above it.
    func write(_ patch: FilePatch, of source: String, to path: String) throws
    /// Applies `edit` to the file at `path` where it is; false, and the file as it was, when it is not one to edit
    /// so: a link, or a file that another name leads to (a copy of the output made with hard links would change too).
    func apply(_ edit: FileEdit, to path: String) throws -> Bool
    func createDirectory(_ path: String) throws
    func removeItem(_ path: String) throws
    func moveItem(_ source: String, to destination: String) throws
    /// Whether entries can be added to and removed from the folder at `path`.
    func isWritableFolder(_ path: String) -> Bool
    /// Takes the lock of the file at `path` (made when missing, with the folders above it), which one holder at a
    /// time has: waits while another process holds it, and says whether it had to. Held until the returned lock is
    /// released; a file system without locks returns one that holds nothing. `whenBusy` is called before waiting.
    func lock(_ path: String, whenBusy: () -> Void) throws -> (lock: FileLock, waited: Bool)
}

extension FileWriting {
    func lock(_ path: String) throws -> (lock: FileLock, waited: Bool) { try lock(path, whenBusy: {}) }
}

/// A file's lock, held until this is released; the system releases it too when its process ends, so a build that
/// was killed holds nothing.
public final class FileLock: Sendable {
    private let release: @Sendable () -> Void

    public init(release: @escaping @Sendable () -> Void) {
        self.release = release
    }

    deinit { release() }
}

extension FileWriting {
    public func write(text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    public func write<Part: Collection<UInt8>>(parts: some Sequence<Part>, to path: String) throws {
        try write(Array(parts.joined()), to: path)
    }
}

extension FileWriting where Self: FileReading {
    public func write(_ patch: FilePatch, of source: String, to path: String) throws {
        guard let size = status(at: source)?.size else { throw SiteError(.cannotRead(source, .missing)) }
        guard let bytes = patch.applied(to: ranged(source, size: size)) else { throw SiteError.endsEarly(source, 0..<size) }
        try write(bytes, to: path)
    }

    public func apply(_ edit: FileEdit, to path: String) throws -> Bool {
        try write(edit.applied(to: try read(path)), to: path)
        return true
    }
}

/// Both ends: the disk, or memory in tests.
public typealias FileSystem = FileReading & FileWriting
