import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import Foundation

/// The last end of the pipeline: writes a build into a staging folder beside the output, then swaps it in, or
/// updates the output through a journal, so a failed or interrupted build leaves the previous output whole or the
/// next build finishes it. It never writes outside these folders.
package struct OutputWriter: Sendable {
    package let fileSystem: FileSystem
    /// The output folder, as an absolute, standardized path.
    package let output: String
    /// Where the new build is written before it replaces the output. Made once: every file written is put under it,
    /// and making the path through `URL` was 3 % of a cold build's time.
    package let staging: String

    package init(fileSystem: FileSystem, output: String) {
        (self.fileSystem, self.output) = (fileSystem, output)
        staging = Self.sibling(of: output, "staging")
    }

    /// Where the previous output waits while the new one is moved in.
    package var previous: String { sibling("previous") }
    /// The record of the last build into this output (`BuildRecord`).
    package var cache: String { sibling("cache") }
    /// The facts of that build's maps, which only an update reads (`BuildRecord.attaching`).
    package var facts: String { sibling("facts") }
    /// The files an update moves in and removes, written before it changes the output.
    package var journal: String { sibling("journal") }
    /// The site's `git log` as the last build with history read it, with the commit it was read at: the next
    /// build at the same commit takes it instead of asking git again.
    package var historyLog: String { sibling("history") }
    /// The lock a build into this output holds from reading its record until it leaves the output: a second build
    /// into the same output meanwhile waits, rather than clearing the first one's staging folder as a leftover.
    package var lockFile: String { sibling("lock") }

    /// Where a full build keeps its maps' facts lines until the record is written (`FactsSpool`): in the staging
    /// folder, so that what drops that drops it; moved to `keptSpool` before the folder becomes the output, and
    /// removed once the record is kept.
    package var spool: String { staging + "/.tropa-facts" }
    package var keptSpool: String { sibling("spool") }
    /// What a build that stopped half way may have left beside the output; removed before the next one writes.
    private var leftovers: [String] { [staging, previous, keptSpool] }

    /// The output's own marker: an existing output folder is replaced only when it holds this.
    package static let marker = PagePaths.assets

    private func sibling(_ role: String) -> String { Self.sibling(of: output, role) }

    private static func sibling(of output: String, _ role: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tropa-\(role)").path
    }

    /// Refuses an output folder that would hide or destroy what is not a build of tropa.
    package static func checkTarget(output: String, site: String, content: String, templates: String) throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let output = canonical(output)
        let protected = [(Message.Refusal.siteFolder, canonical(site)), (Message.Refusal.contentFolder, canonical(content))]
        if output == "/" || output == canonical(home) {
            throw SiteError(.refuseOutput(output, .home))
        }
        for (name, path) in protected where path == output || path.hasPrefix(output + "/") {
            throw SiteError(.refuseOutput(output, name(path != output)))
        }
        if output.hasPrefix(canonical(content) + "/") {
            throw SiteError(.refuseOutput(output, .insideContent))
        }
        // The theme's files other than templates are published: a build there would be published by the next.
        let templates = canonical(templates)
        if output == templates || output.hasPrefix(templates + "/") {
            throw SiteError(.refuseOutput(output, .insideTemplates))
        }
    }

    /// An absolute path without `.`, `..` or links, for comparing folders.
    package static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether the output may be replaced: there is none yet, or it is an empty folder, or one that tropa wrote (its
    /// marker, or else the record of the build that wrote it, for a marker deleted by hand). Not a file.
    package func mayReplace() throws -> Bool {
        switch fileSystem.kind(at: output) {
        case nil: true
        case .file: false
        case .directory: try fileSystem.kind(at: output + "/" + Self.marker) != nil || savedRecord() != nil
            || fileSystem.files(under: output).isEmpty
        }
    }

    /// Clears what an interrupted build left and makes the staging folder.
    package func begin() throws {
        try recover()
        if fileSystem.kind(at: output) == .file {
            throw SiteError(.outputIsFile(output))
        }
        guard try mayReplace() else { throw SiteError(.outputForeign(output)) }
        let existing = fileSystem.kind(at: output) == .directory ? try fileSystem.files(under: output) : []
        // The old output is deleted after the new one is swapped in: a folder that cannot be emptied would fail
        // the build only then, with the output already replaced and the old one half-deleted beside it.
        let inside = Set(existing.flatMap { file in
            let parts = file.split(separator: "/").dropLast()
            return parts.indices.map { output + "/" + parts[...$0].joined(separator: "/") }
        })
        let folders = [URL(fileURLWithPath: output).deletingLastPathComponent().path, output] + inside.sorted()
        for folder in folders where fileSystem.kind(at: folder) == .directory && !fileSystem.isWritableFolder(folder) {
            throw SiteError(.outputReadOnly(output, folder: folder, update: false))
        }
        for leftover in leftovers where fileSystem.kind(at: leftover) != nil {
            try fileSystem.removeItem(leftover)
        }
        try fileSystem.createDirectory(staging)
    }

    package func write(_ file: OutputFile) throws {
        switch file.contents {
        case .text(let text): try fileSystem.write(text: text, to: staging + "/" + file.path)
        case .bytes(let bytes): try write(bytes, to: file.path)
        case .parts(let parts): try fileSystem.write(parts: parts, to: staging + "/" + file.path)
        }
    }

    package func write(_ bytes: [UInt8], to relativePath: String) throws {
        try fileSystem.write(bytes, to: staging + "/" + relativePath)
    }

    /// Moves the finished build in and removes the previous output.
    package func commit() throws {
        // The record describes the output about to be replaced: drop it, so a build stopped now is redone. Only
        // here: a build that fails its check leaves the output, and so its record, as they were.
        try forget()
        if fileSystem.kind(at: output) != nil {
            try fileSystem.moveItem(output, to: previous)
        }
        try fileSystem.moveItem(staging, to: output)
        if fileSystem.kind(at: previous) != nil {
            try fileSystem.removeItem(previous)
        }
    }

    /// The last build's record, when the output it describes is still there and so is a facts file of the
    /// size it names (one missing or cut short makes the build a full one, which writes it again).
    package func record() -> BuildRecord? {
        guard fileSystem.kind(at: output + "/" + Self.marker) == .directory, let record = savedRecord(),
              fileSystem.status(at: facts)?.size == record.factsSize else { return nil }
        return record
    }

    /// `record` with its maps' facts, each line read from the facts file when its map is decoded; nil when the
    /// file is not of the size the record names.
    package func withFacts(_ record: BuildRecord) -> BuildRecord? {
        ranged(facts).flatMap(record.attaching)
    }

    /// The output's file at `path`, relative to the output; nil when there is none.
    package func earlier(_ path: String) -> RangedFile? {
        ranged(output + "/" + path)
    }

    /// The file at `path`, read in parts when they are asked for; nil when there is none.
    private func ranged(_ path: String) -> RangedFile? {
        fileSystem.status(at: path).map { fileSystem.ranged(path, size: $0.size) }
    }

    private func savedRecord() -> BuildRecord? {
        (try? fileSystem.read(cache)).flatMap { BuildRecord(decoding: $0) }
    }

    /// Whether every file of `folders` (each folder relative to the output, with the names of its files) is there.
    /// A folder whose time is the recorded one, and older than the record by a second (a file removed within the
    /// clock's resolution of the last write would not show), has had no file added or removed: its files are not
    /// looked at one by one. At 10,000 maps that is 10,000 `stat` calls instead of 80,000.
    package func holdsEvery(_ folders: [OutputFolder], folderTimes: [String: Int64]) -> Bool {
        let recordTime = fileSystem.status(at: cache)?.modified
        var loose: [String] = []
        for (folder, status) in zip(folders, statuses(ofFolders: folders.map(\.path))) {
            guard let status else { return false }
            if let recorded = folderTimes[folder.path], recorded == status.modified, let recordTime,
               recorded < recordTime - 1_000_000_000 { continue }
            guard let names = folder.names else { return false }
            loose += names.map(folder.path.appendingPath)
        }
        return !fileSystem.statuses(of: loose, in: output).contains(nil)
    }

    /// The time of each of `folders` (relative to the output), as the file system has it now.
    package func folderTimes(of folders: [String]) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: zip(folders, statuses(ofFolders: folders)).compactMap { folder, status in
            status.map { (folder, $0.modified) }
        })
    }

    private func statuses(ofFolders folders: [String]) -> [FileStatus?] {
        let inside = fileSystem.statuses(of: folders.filter { !$0.isEmpty }, in: output)
        var next = inside.makeIterator()
        return folders.map { $0.isEmpty ? fileSystem.status(at: output) : next.next()! }
    }

    /// Keeps the record of a build that wrote the output; losing it only costs a full rebuild, so a failure to write it is ignored.
    /// The facts first: a record is there only once the facts it names are. An update's record (`appending`: the
    /// size of the facts file its maps' lines were read from) adds the lines that file lacks to its end, while the
    /// file is still that size: rewriting 24 MB of facts for one changed map was a fifth of a one-map rebuild.
    package func keep(_ record: BuildRecord, appending size: Int? = nil) {
        keep(encoding(record, appending: size))
    }

    /// The record and the facts to write for it, as the facts file is now; nil when it cannot be encoded.
    private func encoding(_ record: BuildRecord, appending size: Int?, withLines: Bool = true)
        -> (record: [UInt8], facts: FileParts, appended: Bool)? {
        let existing = size.flatMap { fileSystem.status(at: facts)?.size == $0 ? $0 : nil }
        return record.encoded(appendingTo: existing, withLines: withLines)
    }

    /// `lines`: the record's last lines, when `encoded` ends before them.
    private func keep(_ encoded: (record: [UInt8], facts: FileParts, appended: Bool)?, lines: [UInt8] = []) {
        guard let (record, facts, appended) = encoded,
              (try? appended ? fileSystem.append(facts.bytes, to: self.facts) : fileSystem.write(parts: facts, to: self.facts)) != nil
        else { return }
        try? fileSystem.write(parts: [record, lines], to: cache)
    }

    /// The log kept by `keep(log:at:)` for `head`; nil when there is none for that commit and folder, or it was cut
    /// short (a build stopped while writing it).
    package func keptLog(at head: GitHead) -> [UInt8]? {
        // The two lines first, alone: a log of another commit (each new commit makes one) is not read whole.
        let intro = Array((Self.logHeader(head) + "\n" + head.prefix + "\n").utf8)
        guard let size = fileSystem.status(at: historyLog)?.size, size > intro.count,
              (try? fileSystem.read(historyLog, range: 0..<intro.count)) == intro,
              let bytes = try? fileSystem.read(historyLog, range: intro.count..<size),
              let sizeEnd = bytes.firstIndex(of: 0x0A), Int(String(decoding: bytes[..<sizeEnd], as: UTF8.self)) == bytes.count - sizeEnd - 1
        else { return nil }
        return Array(bytes[(sizeEnd + 1)...])
    }

    /// Keeps the `log` git gave at `head`, after the build that read it; losing it only costs asking git again.
    package func keep(log: [UInt8], at head: GitHead) {
        let intro = Self.logHeader(head) + "\n" + head.prefix + "\n" + String(log.count) + "\n"
        try? fileSystem.write(parts: [Array(intro.utf8), log], to: historyLog)
    }

    /// The kept log's first line, with the commit; then the folder's place in the repository, and the log's size
    /// (which a file cut short does not match).
    private static func logHeader(_ head: GitHead) -> String {
        "tropa git log 1 \(head.commit)"
    }

    /// Removes the record and its facts, before the output they describe changes.
    private func forget() throws {
        for file in [cache, facts] where fileSystem.kind(at: file) != nil { try fileSystem.removeItem(file) }
    }

    /// A time from the file system's own clock, later than every file this build read (see `BuildRecord`).
    package var clock: Int64? { fileSystem.status(at: staging)?.modified }

    /// Changes the output in place: writes those of `files` whose bytes differ from the output's (or from those
    /// they were made from, `OutputFile.earlier`), and those of `patches` (of the output's file at the same path)
    /// that change it, and removes `removals` (and folders they leave empty). The files the output lacks, and the
    /// edits of those it has (`FileEdit`), wait in the staging folder; the list of moves and edits is written before
    /// the first one, so an update stopped halfway is finished by the next build (`recover`). Returns how many files
    /// it wrote.
    /// The record of the output as it leaves it, which `recording` makes from the `clock` taken when the staging
    /// folder is made (with the size of the facts file its maps' lines were read from), is encoded while they are
    /// written and moved in, and kept once they are: at 10,000 maps, encoding it took 10–15 ms, writing and moving a
    /// one-map update 25–35 ms. `keepingRecord`: when nothing differs, the output and its record are left as they
    /// are (a build that only reports the last one's warnings again, on inputs the record still describes).
    package func update(_ files: [OutputFile], patching patches: [(path: String, patch: FilePatch)] = [],
                        removing removals: [String], keepingRecord: Bool = false,
                        recording: @Sendable (Int64?) -> (record: BuildRecord, appending: Int?)) throws -> Int {
        try recover()
        for leftover in leftovers where fileSystem.kind(at: leftover) != nil {
            try fileSystem.removeItem(leftover)
        }
        // Compared and written on every core, each file's bytes made once: parts made as they are read (a
        // catalogue's cards) would be made again. A file the output has is edited where it is (`FileEdit`), compared
        // with the bytes it was made from when the renderer read them (a far move's plan pages: 18 MB not read again).
        let changed = parallelMap(files) { file -> (path: String, change: Change)? in
            let bytes = file.bytes
            let path = output + "/" + file.path
            // The bytes it was made from stand for the file while it is as long: an author's editor may have
            // saved over it since.
            let known = file.earlier.flatMap { fileSystem.status(at: path)?.size == $0.count ? $0 : nil }
            guard let earlier = known ?? (try? fileSystem.read(path)) else { return (file.path, .new(bytes)) }
            return earlier != bytes ? (file.path, .edit(FileEdit(making: bytes, of: earlier))) : nil
        }.compactMap { $0 }
        // A file given whole is written whole, not also patched (one file edited twice at once would be torn).
        let given = Set(files.map(\.path))
        let patched = patches.filter { $0.patch.changes && !given.contains($0.path) }
        let removed = removals.filter { fileSystem.kind(at: output + "/" + $0) != nil }
        if keepingRecord && changed.isEmpty && patched.isEmpty && removed.isEmpty { return 0 }
        var folders = Set([URL(fileURLWithPath: output).deletingLastPathComponent().path])
        for path in changed.map(\.path) + patched.map(\.path) + removed {
            var folder = (output + "/" + path).parentPath
            while fileSystem.kind(at: folder) == nil { folder = folder.parentPath }
            folders.insert(folder)
        }
        for folder in folders.sorted() where !fileSystem.isWritableFolder(folder) {
            throw SiteError(.outputReadOnly(output, folder: folder, update: true))
        }
        try fileSystem.createDirectory(staging)
        // Every input was read before the staging folder was made: its time is the record's clock. The record is
        // encoded on the other core while the files are written and moved in, but for its inputs' and maps' lines,
        // which this one makes after them.
        let (record, size) = recording(self.clock)
        let encoded = Pending { [self] in encoding(record, appending: size, withLines: false) }
        let made = changed.compactMap { file -> (path: String, bytes: [UInt8])? in
            guard case .new(let bytes) = file.change else { return nil }
            return (file.path, bytes)
        }
        // The output's files are edited where they are, their edits staged until the journal says to apply them:
        // made anew, each took a new inode and freed one, a third of the far move's time. So is a patch that leaves
        // most of its file where it was; the others make a new file that is moved in.
        let patchEdits = parallelMap(patched) { path, patch in
            fileSystem.status(at: output + "/" + path).flatMap { patch.edit(of: fileSystem.ranged(output + "/" + path, size: $0.size)) }
        }
        let edits = changed.compactMap { file -> (path: String, edit: FileEdit)? in
            guard case .edit(let edit) = file.change else { return nil }
            return (file.path, edit)
        } + zip(patched, patchEdits).compactMap { patch, edit in edit.map { (patch.path, $0) } }
        let copied = zip(patched, patchEdits).filter { $0.1 == nil }.map(\.0)
        // The edits in a file for each core: the 18 MB of a far move's pages took 30 ms on one.
        let editParts = edits.map(\.edit.encodedParts)
        let editSizes = Self.split(editParts.map { $0.reduce(0) { $0 + $1.count } }, into: ProcessInfo.processInfo.activeProcessorCount)
        var first = 0
        let runs = editSizes.map { sizes in
            defer { first += sizes.count }
            return Array(editParts[first..<(first + sizes.count)].joined())
        }
        // Each new file staged by its place in the journal, in the staging folder itself: its folders made there
        // too cost as much as the files on a file system without a journal, which skips the inodes freed in the last
        // minutes one by one. Everything staged is written on every core at once.
        let stage: [@Sendable () throws -> Void] = made.indices.map { index in { @Sendable in try fileSystem.write(made[index].bytes, to: staged(move: index)) } }
            + copied.indices.map { index in
                { @Sendable in try fileSystem.write(copied[index].patch, of: output + "/" + copied[index].path, to: staged(move: made.count + index)) }
            }
            + runs.indices.map { index in { @Sendable in try fileSystem.write(parts: runs[index], to: stagedEdits(index)) } }
        for written in parallelMap(Array(stage.indices), { index in Result { try stage[index]() } }) {
            try written.get()
        }
        let moves = UpdateJournal(moves: made.map(\.path) + copied.map(\.path), edits: edits.map(\.path), removals: removed, staged: true,
                                  editSizes: editSizes)
        // The record goes; the facts stay, for the next record to add to (a record names their size, so facts
        // with nothing naming them are never read).
        if fileSystem.kind(at: cache) != nil { try fileSystem.removeItem(cache) }
        // Written whole, then renamed: a journal that exists is complete.
        try fileSystem.write(Array(try JSONEncoder().encode(moves)), to: journal + ".new")
        try fileSystem.moveItem(journal + ".new", to: journal)
        try apply(moves, edits: edits.map(\.edit))
        let lines = record.lines
        keep(encoded.value, lines: lines)
        return changed.count + patched.count
    }

    /// Finishes what an interrupted build left half done, so the output is whole again.
    private func recover() throws {
        if fileSystem.kind(at: output) == nil, fileSystem.kind(at: previous) == .directory {
            // A build was stopped between its two renames: the previous output is whole, put it back.
            try fileSystem.moveItem(previous, to: output)
        }
        if let bytes = try? fileSystem.read(journal), let moves = try? JSONDecoder().decode(UpdateJournal.self, from: Data(bytes)) {
            try apply(moves, edits: nil)
        }
        for leftover in [journal, journal + ".new"] where fileSystem.kind(at: leftover) != nil {
            try fileSystem.removeItem(leftover)
        }
    }

    /// Moves an update's files in, applies its edits (`edits`, or read from the staging folder when recovering) and
    /// removes what it drops; each step may be repeated after an interruption.
    private func apply(_ journal: UpdateJournal, edits: [FileEdit]?) throws {
        // A journal of an older tropa staged each file at its path, or each edit in a file of its own.
        let byPlace = journal.staged == true
        for (index, path) in journal.moves.enumerated() {
            let staged = byPlace ? staged(move: index) : staging + "/" + path
            guard fileSystem.kind(at: staged) == .file else { continue }
            let target = output + "/" + path
            try fileSystem.createDirectory(target.parentPath)
            try fileSystem.moveItem(staged, to: target)
        }
        let paths = journal.edits ?? []
        // Recovering, an edit whose staged bytes cannot be read, or whose file is gone or no file now, is left to the
        // full build that follows (an update removes the record before it writes a journal), which writes every
        // file anew. Any other failure (a full disk) stops the build with the journal kept: the full build could
        // fail too, and leave the output half edited with nothing to finish it.
        let recovered = edits == nil ? stagedEdits(of: journal) : nil
        let applied = parallelMap(Array(paths.indices)) { index in
            Result {
                guard let edit = edits?[index] ?? recovered?[index] else { return }
                let target = output + "/" + paths[index]
                do {
                    try apply(edit, to: target, through: staging + "/e\(index).whole")
                } catch {
                    if edits != nil || fileSystem.kind(at: target) == .file { throw error }
                }
            }
        }
        for result in applied { try result.get() }
        for path in journal.removals where fileSystem.kind(at: output + "/" + path) != nil {
            try fileSystem.removeItem(output + "/" + path)
            var folder = path.parentPath
            while !folder.isEmpty, try fileSystem.files(under: output + "/" + folder).isEmpty {
                try fileSystem.removeItem(output + "/" + folder)
                folder = folder.parentPath
            }
        }
        try fileSystem.removeItem(self.journal)
        if fileSystem.kind(at: staging) != nil { try fileSystem.removeItem(staging) }
    }

    /// A stopped update's edits, in the order of its journal: from the files that hold them one after the other, or,
    /// from an older tropa, each from its own file, named by its place or at its path. Nil for one that cannot be
    /// read, and for those after it in a file cut short.
    private func stagedEdits(of journal: UpdateJournal) -> [FileEdit?] {
        let paths = journal.edits ?? []
        guard let sizes = journal.editSizes else {
            return paths.indices.map { index in
                let staged = journal.staged == true ? staging + "/e\(index)" : staging + "/" + paths[index]
                return (try? fileSystem.read(staged)).flatMap(FileEdit.init(decoding:))
            }
        }
        var edits: [FileEdit?] = []
        for (file, sizes) in sizes.enumerated() {
            let bytes = (try? fileSystem.read(stagedEdits(file))) ?? []
            var start: Int? = 0
            for size in sizes {
                guard let from = start, size >= 0, size <= bytes.count - from else {
                    (start, edits) = (nil, edits + [nil])
                    continue
                }
                edits.append(FileEdit(decoding: Array(bytes[from..<(from + size)])))
                start = from + size
            }
        }
        return paths.indices.map { $0 < edits.count ? edits[$0] : nil }
    }

    /// `sizes` cut into at most `count` runs, in order, of about as many bytes each.
    static func split(_ sizes: [Int], into count: Int) -> [[Int]] {
        let total = sizes.reduce(0, +), count = max(1, min(count, sizes.count))
        var runs: [[Int]] = [], run: [Int] = [], done = 0
        for size in sizes {
            run.append(size)
            done += size
            // A run ends once the runs so far hold their share of the bytes; none is empty.
            if runs.count < count - 1, done * count >= total * (runs.count + 1) {
                runs.append(run)
                run = []
            }
        }
        return run.isEmpty ? runs : runs + [run]
    }

    /// Applies `edit` to the output's file at `target` where it is, or, to a file not to edit so (another name links
    /// to it), writes the edited bytes as a new file at `scratch` and moves it over.
    private func apply(_ edit: FileEdit, to target: String, through scratch: String) throws {
        guard try !fileSystem.apply(edit, to: target) else { return }
        try fileSystem.write(edit.applied(to: try fileSystem.read(target)), to: scratch)
        try fileSystem.moveItem(scratch, to: target)
    }

    /// Where an update stages the file its journal moves in at `index`, and its edits.
    private func staged(move index: Int) -> String { staging + "/m\(index)" }
    private func stagedEdits(_ file: Int) -> String { staging + "/edits\(file)" }

    /// Removes the staging folder of a build that failed.
    package func abandon() {
        try? fileSystem.removeItem(staging)
    }
}

/// How an update changes one of the output's files.
private enum Change {
    /// A file the output lacks, written whole.
    case new([UInt8])
    /// A file the output has, edited where it is.
    case edit(FileEdit)
}

/// What an update moves from the staging folder into the output, and what it removes from it.
package struct UpdateJournal: Codable {
    package var moves: [String]
    /// The files edited where they are, their edits in the staging folder (none in a journal of an older tropa).
    package var edits: [String]?
    package var removals: [String]
    /// Each file staged by its place in `moves` (`m3`) rather than at its path, and each edit likewise (`e0`) or in
    /// runs (`editSizes`); nil in a journal of an older tropa.
    package var staged: Bool?
    /// The size of each edit, file by file: the staging folder's `edits0`, `edits1`… hold them one after the other,
    /// in the order of `edits`. Nil in a journal of an older tropa, which staged each in a file of its own.
    package var editSizes: [[Int]]?

    package init(moves: [String], edits: [String]?, removals: [String], staged: Bool? = nil, editSizes: [[Int]]? = nil) {
        (self.moves, self.edits, self.removals, self.staged, self.editSizes) = (moves, edits, removals, staged, editSizes)
    }
}
