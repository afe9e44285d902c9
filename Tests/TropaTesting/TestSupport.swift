import Foundation
import Testing
import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import TropaBuild

/// The fixture sites and files under `Tests/Fixtures`, found from this source file rather than a bundle.
package enum Fixtures {
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures").standardizedFileURL

    package static func site(_ name: String) -> URL { root.appendingPathComponent("sites/\(name)") }

    package static func invalid(_ name: String) -> URL { root.appendingPathComponent("invalid/\(name)") }

    /// Checks a fixture folder from disk, as `tropa check` does, on `day`.
    package static func check(_ folder: URL) throws -> CheckResult {
        try SiteChecker(fileSystem: DiskFileSystem()).check(root: folder.path, day: day)
    }

    /// The day in-process checks are run on: fixtures' reviews are due long before it, as on any day `tropa check`
    /// runs.
    package static let day = CalendarDay(year: 2026, month: 1, day: 1)
    /// `day` as `SOURCE_DATE_EPOCH`, for `tropa check` run as a program.
    package static let dayEpoch = "1767225600"
}

/// Shortcuts for parsing and checking in memory.
/// Every text of up to `count` of `pieces` one after another, the empty text first: the inputs on which a reading by
/// bytes is compared with the reading by characters it stands in for.
package func everyText(of pieces: [String], upTo count: Int) -> [String] {
    var texts = [""], longest = [""]
    for _ in 0..<count {
        longest = longest.flatMap { text in pieces.map { text + $0 } }
        texts += longest
    }
    return texts
}

package enum Check {
    /// The folder of in-memory sites.
    package static let root = "site"

    /// Checks a site held in memory; `files` are paths relative to the site folder.
    package static func site(_ files: [String: String]) throws -> CheckResult {
        let memory = MemoryFileSystem(files: Dictionary(uniqueKeysWithValues: files.map { (root + "/" + $0.key, $0.value) }))
        return try SiteChecker(fileSystem: memory).check(root: root)
    }

    /// Checks a site with raw bytes for some files (for encodings).
    package static func site(bytes: [String: [UInt8]]) throws -> CheckResult {
        let memory = MemoryFileSystem()
        for (path, content) in bytes { try memory.write(content, to: root + "/" + path) }
        return try SiteChecker(fileSystem: memory).check(root: root)
    }

    /// One map parsed and validated against `schema`, with its diagnostics in reading order.
    package static func journey(_ text: String, schema: LayerSchema = .default, path: String = "content/map.md")
        -> (journey: Journey, diagnostics: [Diagnostic]) {
        let source = SourceText(path: path, text: text)
        let (journey, problems) = JourneyParser(schema: schema, unsafeHTML: false, language: .ru).parse(source)
        let all = problems + JourneyValidator(schema: schema, language: .ru).validate(journey)
        return (journey, all.sortedByLocation())
    }

    /// The content of layer `id` in the first stage of a map whose body is `layers` under one stage.
    /// Line 1 of `layers` is line 6 of the file.
    package static func layer(_ id: String, _ layers: String, schema: LayerSchema = .default) -> LayerContent? {
        journey(oneStage(layers), schema: schema).journey.stages.first?.layer(id: id)?.content
    }

    /// A map with a title and one stage "Этап" (line 5) whose layers start on line 6.
    package static func oneStage(_ layers: String) -> String {
        "---\ntitle: Карта\n---\n\n## Этап\n" + layers
    }

    /// The three layers the default schema requires, for maps that test something else.
    package static let requiredLayers = """
        ### Цель
        Найти CRM.

        ### Действия
        - Читает обзоры

        ### Эмоции
        0 Рабочая задача

        """
}

/// A diagnostic reduced to what tests compare: code, severity and position.
package struct Found: Equatable, CustomStringConvertible {
    package var code: DiagnosticCode
    package var severity: Severity
    package var line: Int
    package var column: Int

    package init(_ code: DiagnosticCode, _ severity: Severity, _ line: Int, _ column: Int) {
        self.code = code
        self.severity = severity
        self.line = line
        self.column = column
    }

    package init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.code, diagnostic.severity, diagnostic.location.line, diagnostic.location.column)
    }

    package var description: String { "\(code.rawValue) \(severity.rawValue) \(line):\(column)" }
}

package extension Array where Element == Diagnostic {
    var found: [Found] { map(Found.init) }
    var codes: [DiagnosticCode] { map(\.code) }
}

package extension LayerContent {
    var items: [ListItem]? { if case .list(let items) = self { items } else { nil } }
    var points: [EmotionPoint]? { if case .emotion(let points) = self { points } else { nil } }
    var values: [MetricValue]? { if case .metrics(let values) = self { values } else { nil } }
    var richText: RichText? { if case .text(let text) = self { text } else { nil } }
}

/// The memory file system with faults: writes to the paths `failsWrite` picks fail as on a full disk, and moves
/// fail after the first `movesAllowed` (a build stopped halfway).
package final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    package let memory: MemoryFileSystem
    private let failsWrite: @Sendable (String) -> Bool
    private let lock = NSLock()
    private var movesLeft: Int?
    private let tearsEdits: Bool
    private var tried = 0
    private var readPaths: [String: Int] = [:]

    /// `tearsEdits`: the first edit of a file where it is writes half its first piece, then fails; the others fail
    /// before they write.
    package init(memory: MemoryFileSystem, failsWrite: @escaping @Sendable (String) -> Bool = { _ in false },
         movesAllowed: Int? = nil, tearsEdits: Bool = false) {
        self.memory = memory
        self.failsWrite = failsWrite
        movesLeft = movesAllowed
        self.tearsEdits = tearsEdits
    }

    /// How many edits were tried: the first torn, the others failed.
    package var editsTried: Int { lock.withLock { tried } }

    /// How many times the file at `path` was read whole.
    package func reads(of path: String) -> Int { lock.withLock { readPaths[path, default: 0] } }

    package func kind(at path: String) -> FileKind? { memory.kind(at: path) }
    package func read(_ path: String) throws -> [UInt8] {
        lock.withLock { readPaths[path, default: 0] += 1 }
        return try memory.read(path)
    }
    package func status(at path: String) -> FileStatus? { memory.status(at: path) }
    package func files(under directory: String) throws -> [String] { try memory.files(under: directory) }
    package func createDirectory(_ path: String) throws { try memory.createDirectory(path) }
    package func removeItem(_ path: String) throws { try memory.removeItem(path) }
    package func isWritableFolder(_ path: String) -> Bool { memory.isWritableFolder(path) }
    package func lock(_ path: String, whenBusy: () -> Void) throws -> (lock: FileLock, waited: Bool) {
        try memory.lock(path, whenBusy: whenBusy)
    }

    package func write(_ bytes: [UInt8], to path: String) throws {
        guard !failsWrite(path) else { throw SiteError(.cannotWrite(path, .system("no space left on the device"))) }
        try memory.write(bytes, to: path)
    }

    package func append(_ bytes: [UInt8], to path: String) throws {
        guard !failsWrite(path) else { throw SiteError(.cannotWrite(path, .system("no space left on the device"))) }
        try memory.append(bytes, to: path)
    }

    package func moveItem(_ source: String, to destination: String) throws {
        let allowed = lock.withLock {
            defer { movesLeft = movesLeft.map { $0 - 1 } }
            return movesLeft.map { $0 > 0 } ?? true
        }
        guard allowed else { throw SiteError(.cannotMove(source, to: nil, .system("the disk went away"))) }
        try memory.moveItem(source, to: destination)
    }

    package func apply(_ edit: FileEdit, to path: String) throws -> Bool {
        guard tearsEdits, let piece = edit.pieces.first else { return try memory.apply(edit, to: path) }
        let first = lock.withLock {
            defer { tried += 1 }
            return tried == 0
        }
        if first {
            let half = FileEdit.Piece(offset: piece.offset, bytes: Array(piece.bytes.prefix(piece.bytes.count / 2)))
            _ = try memory.apply(FileEdit(pieces: [half], size: max(edit.size, try memory.read(path).count)), to: path)
        }
        throw SiteError(.cannotWrite(path, .system("the disk went away")))
    }
}

package extension FileEdit {
    /// The edit's bytes in one array, as a staged file holds them.
    var encoded: [UInt8] { Array(encodedParts.joined()) }
}

package extension CheckResult {
    /// The parsed map whose output folder is `slug`.
    func journey(slug: String) -> Journey? {
        facts.first { $0.slug == slug }.flatMap { facts in site?.journeys.first { $0.path == facts.path } }
    }
}

/// How many times a closure ran, from any thread.
package final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    package init() {}

    package func count() { lock.withLock { calls += 1 } }
    package var made: Int { lock.withLock { calls } }
}
