import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import Foundation

/// Where a run of the driver puts the files it makes. `emit` is called from several threads at once.
package protocol BuildSink: Sendable {
    /// Whether maps and pages are rendered at all: a check renders nothing.
    var renders: Bool { get }
    /// Whether the parsed maps are kept in the result (a check's `site.journeys`, the preview's memo); a build
    /// lets each go once its files are emitted.
    var keepsMaps: Bool { get }
    /// Whether the build leaves a record (a full build and an update do).
    var keepsRecord: Bool { get }
    /// Whether the maps' visits give their hashes for the record (a first build's: `InputSnapshot.leavesHashes`).
    var hashesMaps: Bool { get }
    func emit(_ file: OutputFile) throws
    /// Takes a map's files, all in its `folder` (relative to the output).
    func emit(_ files: [OutputFile], in folder: String) throws
    /// The output's file at `path` (relative to the output) as the last build left it, which an update changes in
    /// part; nil where there is no such output.
    func earlier(_ path: String) -> RangedFile?
    /// Takes the file at `path` as `patch` makes it of the file `earlier` gives.
    func emit(_ patch: FilePatch, to path: String) throws
    /// Takes the static files of `content/`, copied as they are.
    func copy(_ files: [StaticFile], from loader: SiteLoader) throws
    /// What the sink keeps of a map's line of the record until the build is committed: the line itself, or (a full
    /// build) the line with its facts written aside.
    func holding(_ map: RecordedMap) -> RecordedMap
    /// Takes the finished build.
    func commit(_ run: BuildRun) throws
    /// Drops what was emitted: the build will not be committed.
    func abandon()
}

extension BuildSink {
    package func emit(_ files: [OutputFile], in folder: String) throws {
        for file in files { try emit(file) }
    }

    package func holding(_ map: RecordedMap) -> RecordedMap { map }

    package var hashesMaps: Bool { false }

    /// None but an update's output has a last build.
    package func earlier(_ path: String) -> RangedFile? { nil }
    /// Without a file `earlier`, nothing is patched: a patch given anyway makes the build a full one.
    package func emit(_ patch: FilePatch, to path: String) throws { throw RecordDamaged() }
}

/// `tropa check`: nothing is made. With `keepsMaps`, the result holds every parsed map and its facts (for
/// `tropa report` and the tests); `tropa check` keeps none: a 10,000-map check peaked at 427 MB keeping them, 34 MB
/// not.
package struct CheckSink: BuildSink {
    package let keepsMaps: Bool
    package init(keepsMaps: Bool = true) { self.keepsMaps = keepsMaps }
    package var renders: Bool { false }
    package var keepsRecord: Bool { false }
    package func emit(_ file: OutputFile) throws {}
    package func copy(_ files: [StaticFile], from loader: SiteLoader) throws {}
    package func commit(_ run: BuildRun) throws {}
    package func abandon() {}
}

/// A full build: every file goes into a staging folder beside the output, which is swapped in at the end with the
/// build's record beside it.
package struct StagingSink: BuildSink {
    package let writer: OutputWriter
    package let snapshot: InputSnapshot
    package let settings: String
    /// Where the maps' facts lines wait for the record; nil keeps them with the maps.
    private let spool: FactsSpool?

    package init(writer: OutputWriter, snapshot: InputSnapshot, settings: String) {
        (self.writer, self.snapshot, self.settings) = (writer, snapshot, settings)
        spool = FactsSpool(fileSystem: writer.fileSystem, path: writer.spool)
    }

    package var renders: Bool { true }
    package var keepsMaps: Bool { false }
    package var keepsRecord: Bool { true }
    package var hashesMaps: Bool { snapshot.leavesHashes }

    package func emit(_ file: OutputFile) throws {
        try writer.write(file)
    }

    /// On every core.
    package func copy(_ files: [StaticFile], from loader: SiteLoader) throws {
        let copies = parallelMap(files) { file in
            Result {
                guard let raw = try loader.readOptional(file.path, required: true) else { return }
                try writer.write(raw.bytes, to: file.outputPath)
            }
        }
        for copy in copies { try copy.get() }
    }

    package func holding(_ map: RecordedMap) -> RecordedMap {
        spool?.spool(map) ?? map
    }

    package func commit(_ run: BuildRun) throws {
        // The maps and site pages are let go by now: their memory is handed back before the record takes more.
        FreedMemory.handBack()
        // Taken out of the staging folder before it becomes the output, and read from as the record is kept.
        let entries = spool.map { $0.taken(run.entries, keptAt: writer.keptSpool) } ?? run.entries
        defer { if spool != nil { try? writer.fileSystem.removeItem(writer.keptSpool) } }
        let clock = writer.clock
        try writer.commit()
        if let entries {
            var record = BuildRecord(settings: settings,
                                     inputs: snapshot.recorded(before: clock, hashes: run.inputHashes), maps: entries, siteFiles: run.siteFiles, linkedMaps: run.linkedMaps,
                                     linkTargets: run.linkTargets)
            (record.plan, record.measurements) = (run.plan, run.measurements)
            (record.warnedMaps, record.diagnosticCount) = (run.warnedMaps, run.check.diagnostics.count)
            record.folderTimes = writer.folderTimes(of: record.outputFolders?.map(\.path) ?? [])
            writer.keep(record)
        }
    }

    package func abandon() {
        writer.abandon()
    }
}

/// An update of the output in place: the changed maps' files (and the site pages, when they changed) are
/// collected, then written through the writer's journal, only those whose bytes differ.
package struct UpdateSink: BuildSink {
    /// The update cannot stand in for a full build: the output lost a file since the record was kept, or the run's
    /// maps are not the record's.
    package struct Declined: Error {}

    package let writer: OutputWriter
    package let record: BuildRecord
    package let snapshot: InputSnapshot
    /// Whether the output still holds every file the record names, asked before anything is written.
    private let outputIsWhole: @Sendable () -> Bool
    /// Nothing changed since the record: the update only reports the last build's problems again, and leaves the
    /// output and the record as they are when no file differs.
    private let reporting: Bool
    private let collected = CollectedFiles()
    /// What the update did to the output, once committed.
    package let outcome = UpdateOutcome()

    package init(writer: OutputWriter, record: BuildRecord, snapshot: InputSnapshot, reporting: Bool = false,
                 outputIsWhole: @escaping @Sendable () -> Bool) {
        self.writer = writer
        self.record = record
        self.snapshot = snapshot
        self.reporting = reporting
        self.outputIsWhole = outputIsWhole
    }

    package var renders: Bool { true }
    package var keepsMaps: Bool { false }
    package var keepsRecord: Bool { true }

    package func emit(_ file: OutputFile) throws {
        collected.add(file)
    }

    package func earlier(_ path: String) -> RangedFile? {
        writer.earlier(path)
    }

    package func emit(_ patch: FilePatch, to path: String) throws {
        collected.add(patch, to: path)
    }

    /// The static files are as the record has them, or this would be a full build.
    package func copy(_ files: [StaticFile], from loader: SiteLoader) throws {}

    package func commit(_ run: BuildRun) throws {
        guard outputIsWhole() else { throw Declined() }
        // The run's entries are the record's maps in their order, those read again in their place
        // (`Reuse.entries(merging:)`): compared place by place, not through a dictionary of 10,000 paths.
        guard run.entries.count == record.maps.count else { throw Declined() }
        var removals: [String] = []
        for (old, entry) in zip(record.maps, run.entries) where old.line != entry.line {
            guard old.path == entry.path else { throw Declined() }
            guard let oldFiles = old.built ? old.outputFiles : [], let newFiles = entry.built ? entry.outputFiles : []
            else { throw Declined() }
            removals += Set(oldFiles).subtracting(newFiles).sorted()
        }
        // A site page no map shows any more (the last map of a tag became a draft) goes too.
        removals += Set(record.siteFiles).subtracting(run.siteFiles).sorted()
        let earlier = collected.earlier
        let files = collected.files.sorted { $0.key < $1.key }.map { path, bytes in
            var file = OutputFile(path: path, bytes: bytes)
            file.earlier = earlier[path]
            return file
        }
        let patches = collected.patches.sorted { $0.key < $1.key }.map { (path: $0.key, patch: $0.value) }
        // The folders it wrote or removed in lose their time: a file deleted by hand from one of them while the
        // update ran would not show in a time taken now. Their files are looked at one by one until a full build.
        let touched = Set((files.map(\.path) + patches.map(\.path) + removals).map(\.folderAndName.folder))
        let (record, snapshot) = (record, snapshot)
        outcome.written = try writer.update(files, patching: patches, removing: removals, keepingRecord: reporting) { clock in
            var next = BuildRecord(settings: record.settings,
                                   inputs: snapshot.recorded(before: clock, hashes: run.inputHashes), maps: run.entries, siteFiles: run.siteFiles, linkedMaps: run.linkedMaps,
                                   linkTargets: run.linkTargets)
            (next.plan, next.measurements) = (run.plan, run.measurements)
            // Every map the last build reported a problem in was read again: the run's are all there are.
            (next.warnedMaps, next.diagnosticCount) = (run.warnedMaps, run.check.diagnostics.count)
            // A plan laid out as the record has it stays where the facts file holds it.
            if let plan = run.plan, plan == record.plan { (next.planAt, next.planHash) = (record.planAt, record.planHash) }
            next.folderTimes = record.folderTimes.filter { !touched.contains($0.key) }
            return (next, record.factsSize)
        }
    }

    package func abandon() {}
}

/// The preview: every file is kept in memory; static files are served from where they are.
package final class MemorySink: BuildSink, @unchecked Sendable {
    private let collected = CollectedFiles()
    private let lock = NSLock()
    private var statics: [String: String] = [:]
    private var mapFiles: [(folder: String, files: [OutputFile])] = []

    package var renders: Bool { true }
    package var keepsMaps: Bool { true }
    package var keepsRecord: Bool { false }

    package func emit(_ file: OutputFile) throws {
        collected.add(file)
    }

    /// Kept together, found by their folder: 80,000 files hashed one by one on every save of the preview were a
    /// tenth of its rebuild.
    package func emit(_ files: [OutputFile], in folder: String) throws {
        lock.withLock { mapFiles.append((folder, files)) }
    }

    package func copy(_ files: [StaticFile], from loader: SiteLoader) throws {
        let byOutput = Dictionary(files.map { ($0.outputPath, loader.root.appendingPath($0.path)) },
                                  uniquingKeysWith: { first, _ in first })
        lock.withLock { statics = byOutput }
    }

    package func commit(_ run: BuildRun) throws {}
    package func abandon() {}

    package var files: PreviewPages { PreviewPages(files: collected.files, mapFiles: lock.withLock { mapFiles }) }
    package var staticFiles: [String: String] { lock.withLock { statics } }
}

/// How many files an update wrote, told by the sink once it committed.
package final class UpdateOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    package var written: Int {
        get { lock.withLock { count } }
        set { lock.withLock { count = newValue } }
    }
}

/// Files handed over from several threads at once, a later one in place of an earlier one of the same path.
package final class CollectedFiles: @unchecked Sendable {
    private let lock = NSLock()
    // Gathered in a list, hashed once at the end: a dictionary filled under the lock kept both cores waiting on
    // it (80,000 files of the preview on every save).
    private var added: [OutputFile] = []
    private var patchesByPath: [String: FilePatch] = [:]

    package func add(_ file: OutputFile) {
        lock.withLock { added.append(file) }
    }

    package func add(_ patch: FilePatch, to path: String) {
        lock.withLock { patchesByPath[path] = patch }
    }

    /// Each path's last file, its bytes made on every core: the card pages of 10,000 maps are 70 MB.
    package var files: [String: [UInt8]] {
        let files = lock.withLock { added }
        var last: [String: Int] = [:]
        last.reserveCapacity(files.count)
        for (place, file) in files.enumerated() { last[file.path] = place }
        let made = parallelMap(Array(last.values)) { (files[$0].path, files[$0].bytes) }
        return Dictionary(made, uniquingKeysWith: { _, later in later })
    }
    package var patches: [String: FilePatch] { lock.withLock { patchesByPath } }

    /// The bytes each path's last file was made from, of those that say (`OutputFile.earlier`).
    package var earlier: [String: [UInt8]] {
        var earlier: [String: [UInt8]] = [:]
        for file in lock.withLock({ added }) { earlier[file.path] = file.earlier }
        return earlier
    }
}

/// The files of a preview, by their paths in the output.
public struct PreviewPages: Sendable {
    private var files: [String: [UInt8]] = [:]
    /// Each map's files by its folder.
    private var folders: [String: [OutputFile]] = [:]

    public init() {}

    init(files: [String: [UInt8]], mapFiles: [(folder: String, files: [OutputFile])]) {
        self.files = files
        folders.reserveCapacity(mapFiles.count)
        for (folder, files) in mapFiles { folders[folder] = files }
    }

    public subscript(path: String) -> [UInt8]? {
        if let bytes = files[path] { return bytes }
        // The map's folder is the path's, or one above it (a map's history page).
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if let file = folders[String(folder)]?.first(where: { $0.path == path }) { return file.bytes }
        }
        return nil
    }

    public var isEmpty: Bool { files.isEmpty && folders.isEmpty }

    /// Every file, by its path.
    public var all: [String: [UInt8]] {
        folders.values.joined().reduce(into: files) { all, file in all[file.path] = all[file.path] ?? file.bytes }
    }
}
