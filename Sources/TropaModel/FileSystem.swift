import Foundation

/// What a path on a file system is.
public enum FileKind: Sendable {
    case file
    case directory
}

/// A file's size and last change, to tell that it changed without reading it.
public struct FileStatus: Sendable, Hashable {
    public var size: Int
    /// Nanoseconds since 1970 on disk; a counter in memory.
    public var modified: Int64

    public init(size: Int, modified: Int64) {
        self.size = size
        self.modified = modified
    }
}

/// Reading files: all the first end of the pipeline (and the watcher) may do. Tests replace it with
/// `MemoryFileSystem`.
public protocol FileReading: Sendable {
    func kind(at path: String) -> FileKind?
    func read(_ path: String) throws -> [UInt8]
    /// The bytes of `range` of the file at `path`; an error when the file does not hold all of them.
    func read(_ path: String, range: Range<Int>) throws -> [UInt8]
    /// Nil when nothing is at `path`.
    func status(at path: String) -> FileStatus?
    /// The status of each of `paths` (relative to `folder`), in their order, on every core: a rebuild asks for
    /// tens of thousands.
    func statuses(of paths: [String], in folder: String) -> [FileStatus?]
    /// Every file below `directory`, as paths relative to it, sorted; hidden files and folders are left out.
    func files(under directory: String) throws -> [String]
}

extension FileReading {
    public func read(_ path: String, range: Range<Int>) throws -> [UInt8] {
        let bytes = try read(path)
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw SiteError.endsEarly(path, range) }
        return Array(bytes[range])
    }

    /// The file at `path`, of `size` bytes, read a part at a time when a part is asked for.
    public func ranged(_ path: String, size: Int) -> RangedFile {
        RangedFile(size: size) { range in try? read(path, range: range) }
    }

    public func statuses(of paths: [String], in folder: String) -> [FileStatus?] {
        parallelMap(paths) { status(at: folder.appendingPath($0)) }
    }
}

/// A file of known size, read a range at a time: what a rebuild needs of a large file of the last build (the facts
/// of 10,000 maps, 24 MB; the plan's CSV, 26 MB) is a few lines of it.
public struct RangedFile: Sendable {
    public let size: Int
    private let reading: @Sendable (Range<Int>) -> [UInt8]?
    /// The whole file, when it is in memory (the preview's): a part is appended from it without a copy between.
    private let held: [UInt8]?

    /// A file of `size` bytes; `reading` gives the part `range` of it, or nil when it cannot.
    public init(size: Int, reading: @escaping @Sendable (Range<Int>) -> [UInt8]?) {
        (self.size, self.reading, held) = (size, reading, nil)
    }

    /// A file with `bytes`.
    public init(_ bytes: [UInt8]) {
        (size, held) = (bytes.count, bytes)
        reading = { range in range.upperBound <= bytes.count ? Array(bytes[range]) : nil }
    }

    public func read(_ range: Range<Int>) -> [UInt8]? { reading(range) }

    /// Appends the part `range` of the file to `bytes`; false when it cannot be read.
    public func append(_ range: Range<Int>, to bytes: inout [UInt8]) -> Bool {
        if let held {
            guard range.upperBound <= held.count else { return false }
            bytes += held[range]
            return true
        }
        guard let part = reading(range) else { return false }
        bytes += part
        return true
    }
}

/// A file made from another one: parts of it kept as they are, with new bytes between them. The plan's CSV of a
/// 10,000-map site (26 MB) changes in a few rows when one map does, and is written so without being read into
/// memory (`FileWriting.write(_:of:to:)`).
public struct FilePatch: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        /// The bytes of this range of the other file.
        case kept(Range<Int>)
        case new([UInt8])

        /// How many bytes it puts in the file.
        public var count: Int {
            switch self {
            case .kept(let range): range.count
            case .new(let bytes): bytes.count
            }
        }
    }

    public var parts: [Part]
    /// The size of the other file.
    public var sourceSize: Int

    public init(parts: [Part], of sourceSize: Int) {
        (self.parts, self.sourceSize) = (parts, sourceSize)
    }

    /// A patch of a file of `sourceSize` bytes that keeps its ranges one after the other: adjacent ones are one part.
    public init(of sourceSize: Int) {
        self.init(parts: [], of: sourceSize)
    }

    public mutating func keep(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if case .kept(let last) = parts.last, last.upperBound == range.lowerBound {
            parts[parts.count - 1] = .kept(last.lowerBound..<range.upperBound)
        } else {
            parts.append(.kept(range))
        }
    }

    public mutating func add(_ bytes: [UInt8]) {
        parts.append(.new(bytes))
    }

    /// Whether the file it makes differs from the other one: it has a new part, or does not keep the other file
    /// whole and in order (rows moved, or some left out).
    public var changes: Bool {
        var offset = 0
        for part in parts {
            guard case .kept(let range) = part, range.lowerBound == offset else { return true }
            offset = range.upperBound
        }
        return offset != sourceSize
    }

    /// How many bytes the file it makes holds.
    public var size: Int { parts.reduce(0) { $0 + $1.count } }

    /// The bytes it makes of `file`; nil when `file` does not hold a kept range.
    public func applied(to file: RangedFile) -> [UInt8]? {
        var bytes: [UInt8] = []
        // Made once at its size: grown as it was, a 26 MB file was copied over and over.
        bytes.reserveCapacity(size)
        for part in parts {
            switch part {
            case .kept(let range):
                guard file.append(range, to: &bytes) else { return nil }
            case .new(let new): bytes += new
            }
        }
        return bytes
    }
}

/// A file changed where it is: the bytes of some ranges written over, and the file cut or extended to `size`. What
/// an update makes of a file the output has (`init(making:of:)`: a new file for each of a far move's 350 plan pages
/// was a third of its time), and of a patch that leaves most of a large file where it was (a figure of one
/// dashboard row, one entry of `maps.json`: copying the rest into a new file took a quarter of a one-map rebuild at
/// 10,000 maps, 40 MB through the kernel). Applying it again gives the same file, so an update stopped halfway is
/// finished by applying it again (`UpdateJournal`).
public struct FileEdit: Sendable, Equatable {
    public struct Piece: Sendable, Equatable {
        public var offset: Int
        /// Part of the bytes it was taken from, not a copy: a far move's 350 plan pages are 18 MB.
        public var bytes: ArraySlice<UInt8>

        public init(offset: Int, bytes: ArraySlice<UInt8>) {
            (self.offset, self.bytes) = (offset, bytes)
        }

        public init(offset: Int, bytes: [UInt8]) {
            self.init(offset: offset, bytes: bytes[...])
        }
    }

    /// In the order of their offsets, none overlapping another.
    public var pieces: [Piece]
    public var size: Int

    public init(pieces: [Piece], size: Int) {
        (self.pieces, self.size) = (pieces, size)
    }

    /// The edit that makes `earlier` into `bytes`: what lies between their common start and, when they are of one
    /// size, their common end (a figure changed in a map's page), else all after their common start.
    public init(making bytes: [UInt8], of earlier: [UInt8]) {
        var start = 0, end = bytes.count
        while start < min(earlier.count, end), earlier[start] == bytes[start] { start += 1 }
        if earlier.count == bytes.count {
            while end > start, earlier[end - 1] == bytes[end - 1] { end -= 1 }
        }
        self.init(pieces: start == end ? [] : [Piece(offset: start, bytes: bytes[start..<end])], size: bytes.count)
    }

    /// The bytes it makes of `bytes`.
    public func applied(to bytes: [UInt8]) -> [UInt8] {
        var edited = Array(bytes.prefix(size))
        if edited.count < size { edited += repeatElement(0, count: size - edited.count) }
        for piece in pieces { edited.replaceSubrange(piece.offset..<(piece.offset + piece.bytes.count), with: piece.bytes) }
        return edited
    }

    private static let header = "tropa edit 1"

    /// The edit as bytes, in parts (the pieces' bytes not copied): a line with the header, the size and the number
    /// of pieces, a line per piece with its offset and length, then the pieces' bytes one after the other.
    public var encodedParts: [ArraySlice<UInt8>] {
        var lines = Array("\(Self.header) \(size) \(pieces.count)\n".utf8)
        for piece in pieces { lines += "\(piece.offset) \(piece.bytes.count)\n".utf8 }
        return [lines[...]] + pieces.map(\.bytes)
    }

    /// Nil for bytes `encodedParts` did not make, or cut short.
    public init?(decoding bytes: [UInt8]) {
        var lines: [[Substring]] = [], start = 0
        var count = 1
        while lines.count < count + 1 {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self).split(separator: " "))
            start = end + 1
            if lines.count == 1 {
                guard lines[0].count == 5, lines[0][0...2].joined(separator: " ") == Self.header,
                      let pieces = Int(lines[0][4]), pieces >= 0, pieces < bytes.count else { return nil }
                count = pieces
            }
        }
        guard let size = Int(lines[0][3]), size >= 0 else { return nil }
        var pieces: [Piece] = [], end = 0
        for line in lines.dropFirst() {
            // Compared by subtraction: two numbers near `Int.max` would overflow their sum.
            guard line.count == 2, let offset = Int(line[0]), let length = Int(line[1]), end <= offset, offset <= size,
                  length >= 0, length <= size - offset, length <= bytes.count - start else { return nil }
            pieces.append(Piece(offset: offset, bytes: bytes[start..<(start + length)]))
            (start, end) = (start + length, offset + length)
        }
        guard start == bytes.count else { return nil }
        self.init(pieces: pieces, size: size)
    }
}

extension FilePatch {
    /// The patch as an edit of `file` where it is, its pieces read from it: what the patch does not keep at the
    /// same offset. Nil when that is more than a quarter of the file (a new file is then about as cheap to write,
    /// and the edit would hold those bytes in memory twice), when the file is not of the size the patch was made
    /// for, or when a part that moves cannot be read.
    public func edit(of file: RangedFile) -> FileEdit? {
        guard file.size == sourceSize else { return nil }
        // Counted before anything is read: a card moved across a tag's page shifts most of it.
        var offset = 0, written = 0
        for part in parts {
            if case .kept(let range) = part, range.lowerBound == offset {} else { written += part.count }
            offset += part.count
        }
        guard written <= file.size / 4 else { return nil }
        var pieces: [FileEdit.Piece] = []
        offset = 0
        for part in parts {
            switch part {
            case .kept(let range) where range.lowerBound == offset:
                break
            case .kept(let range):
                guard let bytes = file.read(range) else { return nil }
                Self.add(bytes, at: offset, to: &pieces)
            case .new(let bytes):
                Self.add(bytes, at: offset, to: &pieces)
            }
            offset += part.count
        }
        return FileEdit(pieces: pieces, size: offset)
    }

    /// Bytes that go on where the last piece ends are that piece's.
    private static func add(_ bytes: [UInt8], at offset: Int, to pieces: inout [FileEdit.Piece]) {
        guard !bytes.isEmpty else { return }
        if let last = pieces.last, last.offset + last.bytes.count == offset {
            pieces[pieces.count - 1].bytes += bytes
        } else {
            pieces.append(FileEdit.Piece(offset: offset, bytes: bytes))
        }
    }
}

/// A problem with the site's folders or files as such (not their content): tropa exits with status 2.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var message: Message
    /// What to do about it, printed under it as a help line.
    public var help: Message?
    /// The site's language, when the problem came after its settings were read.
    public var language: Language?

    public init(_ message: Message, help: Message? = nil) {
        self.message = message
        self.help = help
    }

    /// A file shorter than a part asked of it: only the build's own files (its record) are read in parts.
    public static func endsEarly(_ path: String, _ range: Range<Int>) -> SiteError {
        SiteError(.cannotRead(path, .system("the file ends before byte \(range.upperBound)")))
    }

    /// In English; `message.text(in:)` in the author's language.
    public var description: String { message.text(in: .en) }

    /// Runs `body`; a `SiteError` it throws is told in `language` (the site's, once its settings are read).
    public static func told<T>(in language: Language, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as SiteError {
            error.language = error.language ?? language
            throw error
        }
    }
}

extension String {
    /// Joins path components with `/`, ignoring empty ones.
    public func appendingPath(_ component: String) -> String {
        if component.isEmpty || component == "." { return self }
        if isEmpty || component.utf8.first == UInt8(ascii: "/") { return component }
        // One string made of both texts' bytes: joined by two appends, the 20,000 paths a rebuild lists took
        // 15 million instructions.
        let slash = utf8.last != UInt8(ascii: "/")
        var (head, tail) = (self, component)
        return head.withUTF8 { head in
            tail.withUTF8 { tail in
                String(unsafeUninitializedCapacity: head.count + (slash ? 1 : 0) + tail.count) { buffer in
                    var end = buffer.initialize(fromContentsOf: head)
                    if slash {
                        buffer[end] = UInt8(ascii: "/")
                        end += 1
                    }
                    return buffer[end...].initialize(fromContentsOf: tail)
                }
            }
        }
    }

    /// The path without its last component, as `NSString.deletingLastPathComponent` gives it for the paths a build
    /// makes (`a/b/c` → `a/b`, `a` → ``, `/a` → `/`), read from the bytes: Foundation's took 32,000 instructions a
    /// path (12 million for the 378 files of a far move), and stops the program on a name of one character.
    public var parentPath: String {
        var bytes = utf8[...]
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes = bytes.dropLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var parent = bytes[..<slash]
        while parent.count > 1, parent.last == UInt8(ascii: "/") { parent = parent.dropLast() }
        return parent.isEmpty ? "/" : String(Substring(parent))
    }

    /// Whether the UTF-8 bytes of `self` come before those of `other`: the order of file lists, which no locale or
    /// normalisation changes. Compared with `memcmp` on the strings' own storage: through
    /// `utf8.lexicographicallyPrecedes`, sorting the content's 10,000 paths on every poll of `tropa serve` was an
    /// eighth of its time; through `withUTF8`, a mutating call on a copy of each, sorting took twice as long.
    public func utf8Precedes(_ other: String) -> Bool {
        let order = utf8.withContiguousStorageIfAvailable { this in
            other.utf8.withContiguousStorageIfAvailable { other in
                let common = min(this.count, other.count)
                let order = common == 0 ? 0 : memcmp(this.baseAddress!, other.baseAddress!, common)
                return order == 0 ? this.count < other.count : order < 0
            }
        }
        return (order ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// Whether the name ends in `.md`, in any case, read from its last three bytes rather than from a lowercased copy
    /// of the whole path (a new string for each of 10,000 maps).
    public var isMarkdownPath: Bool {
        let bytes = utf8
        guard bytes.count >= 3 else { return false }
        let end = bytes.index(bytes.endIndex, offsetBy: -3)
        return bytes[end] == UInt8(ascii: ".") && bytes[bytes.index(after: end)] | 0x20 == UInt8(ascii: "m")
            && bytes[bytes.index(end, offsetBy: 2)] | 0x20 == UInt8(ascii: "d")
    }

    /// The folder part and the last component of a `/`-separated path; the folder is "" when there is none.
    public var folderAndName: (folder: String, name: String) {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", self) }
        return (String(self[..<slash]), String(self[index(after: slash)...]))
    }

    /// A URL that leads out of the site: with a scheme (`https:`, `mailto:`, `tel:`) or to another host (`//host`).
    public var leadsOutOfSite: Bool {
        if hasPrefix("//") { return true }
        guard let colon = firstIndex(of: ":"), let first, first.isASCII, first.isLetter else { return false }
        return self[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }
}
