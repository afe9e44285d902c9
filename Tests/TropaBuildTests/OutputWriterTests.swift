import Foundation
import Testing
import Synchronization
@testable import TropaModel
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

@Suite struct OutputWriterTests {
    /// An update makes each file's bytes once, to compare them with the output's and to write them: parts made as
    /// they are read (a catalogue's cards) are not made twice. A file whose bytes are the output's is not written.
    @Test func anUpdateMakesEachPartOnce() throws {
        let memory = MemoryFileSystem()
        try memory.write(Array("как было".utf8), to: "/site/public/a.txt")
        let writer = OutputWriter(fileSystem: memory, output: "/site/public")
        let made = Atomic(0)
        let parts = FileParts(count: 3) { place in
            made.add(1, ordering: .relaxed)
            return Array("часть \(place);".utf8)
        }
        let written = try writer.update([OutputFile(path: "b/c.html", parts: parts), OutputFile(path: "a.txt", text: "как было")],
                                        removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) }
        #expect(written == 1)
        #expect(made.load(ordering: .relaxed) == 3)
        #expect(try memory.read("/site/public/b/c.html") == Array("часть 0;часть 1;часть 2;".utf8))
        #expect(try memory.read("/site/public/a.txt") == Array("как было".utf8))
    }

    /// A file made from the bytes it replaces (a reprinted plan page) is compared with them: the output's file is
    /// not read again, and it is edited into the new bytes all the same. A file made otherwise is read, and so is one
    /// whose file is no longer as long as those bytes (saved over since).
    @Test func aFileMadeFromTheBytesItReplacesIsComparedWithThem() throws {
        let memory = MemoryFileSystem()
        let was = Array("<ol><li>первое</li><li>второе</li></ol>".utf8)
        try memory.write(was, to: "/site/public/plan/page/2/index.html")
        try memory.write(was, to: "/site/public/plan/page/3/index.html")
        try memory.write(Array("как было".utf8), to: "/site/public/a.txt")
        let faulty = FaultyFileSystem(memory: memory)
        let now = "<ol><li>второе</li><li>третье</li></ol>"
        var page = OutputFile(path: "plan/page/2/index.html", text: now)
        page.earlier = was
        var savedOver = OutputFile(path: "plan/page/3/index.html", text: now)
        savedOver.earlier = Array("<ol><li>первое</li></ol>".utf8)
        let writer = OutputWriter(fileSystem: faulty, output: "/site/public")
        let written = try writer.update([page, savedOver, OutputFile(path: "a.txt", text: "как стало")],
                                        removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) }
        #expect(written == 3)
        #expect(try memory.read("/site/public/plan/page/2/index.html") == Array(now.utf8))
        #expect(try memory.read("/site/public/plan/page/3/index.html") == Array(now.utf8))
        #expect(try memory.read("/site/public/a.txt") == Array("как стало".utf8))
        #expect(faulty.reads(of: "/site/public/plan/page/2/index.html") == 0)
        #expect(faulty.reads(of: "/site/public/plan/page/3/index.html") == 1)
        #expect(faulty.reads(of: "/site/public/a.txt") == 1)
    }

    /// The update is handed each path's last file with the bytes that file was made from, or none when it says
    /// none; a file kept (the preview's) lets them go.
    @Test func theBytesAFileWasMadeFromAreThoseOfItsPathsLastFile() {
        let collected = CollectedFiles()
        var first = OutputFile(path: "plan/page/2/index.html", text: "первый")
        first.earlier = Array("было".utf8)
        var second = OutputFile(path: "plan/page/2/index.html", text: "второй")
        second.earlier = Array("было раньше".utf8)
        var plain = OutputFile(path: "plan/page/3/index.html", text: "третий")
        plain.earlier = Array("было".utf8)
        for file in [first, second, plain, OutputFile(path: "plan/page/3/index.html", text: "четвёртый")] { collected.add(file) }
        #expect(collected.earlier == ["plan/page/2/index.html": Array("было раньше".utf8)])
        var reprinted = OutputFile(path: "plan/page/2/index.html", bytes: Array("второй".utf8))
        reprinted.earlier = Array("было раньше".utf8)
        #expect(reprinted.asBytes.earlier == nil && reprinted.asBytes.bytes == Array("второй".utf8))
    }

    /// On disk, a patch that leaves most of its file where it was is applied to the file where it is; one that
    /// moves more of it makes a new file, and so does a file that another name links to (a copy of the output made
    /// with `cp -al`), which keeps its bytes. Either way the output's file is the patch's.
    @Test func aPatchOfAFewBytesEditsTheFileWhereItIsUnlessAnotherNameLinksToIt() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-edit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let disk = DiskFileSystem()
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        for name in ["few.json", "many.json", "linked.json"] { try disk.write(bytes, to: base + "/public/" + name) }
        #expect(link(base + "/public/linked.json", base + "/copy.json") == 0)
        let few = FilePatch(parts: [.kept(0..<50_000), .new(Array("38 %".utf8)), .kept(50_004..<100_000)], of: 100_000)
        let many = FilePatch(parts: [.kept(0..<10), .new([1]), .kept(10..<100_000)], of: 100_000)
        func inode(_ name: String) -> UInt {
            var info = stat()
            return stat(base + "/public/" + name, &info) == 0 ? UInt(info.st_ino) : 0
        }
        let before = ["few.json", "many.json", "linked.json"].map(inode)
        let writer = OutputWriter(fileSystem: disk, output: base + "/public")
        let written = try writer.update([], patching: [("few.json", few), ("many.json", many), ("linked.json", few)],
                                        removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) }
        #expect(written == 3)
        let expected = (few: few.applied(to: RangedFile(bytes))!, many: many.applied(to: RangedFile(bytes))!)
        #expect(try disk.read(base + "/public/few.json") == expected.few)
        #expect(try disk.read(base + "/public/many.json") == expected.many)
        #expect(try disk.read(base + "/public/linked.json") == expected.few)
        #expect(try disk.read(base + "/copy.json") == bytes, "the other name keeps its bytes")
        #expect(inode("few.json") == before[0], "edited where it is")
        #expect(inode("many.json") != before[1] && inode("linked.json") != before[2], "new files")
        #expect(disk.kind(at: base + "/.public.tropa-staging") == nil && disk.kind(at: base + "/.public.tropa-journal") == nil)
    }

    /// On disk, a file made again that the output has is edited where it is, whether it is as long, shorter or
    /// longer: making 350 plan pages anew took a new inode and freed one for each, a third of a far move's update.
    /// A file that another name links to, or that is a link, is replaced by a new file, and what the other name leads
    /// to keeps its bytes; a file the output lacks is made.
    @Test func aFileMadeAgainIsEditedWhereItIsUnlessAnotherNameLinksToIt() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-edit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let disk = DiskFileSystem()
        let earlier = Array("<ol class=\"plan-items\"><li>Позвонить клиенту</li></ol>\n".utf8)
        for name in ["same.html", "shorter.html", "longer.html", "linked.html"] { try disk.write(earlier, to: base + "/public/plan/" + name) }
        try disk.write(earlier, to: base + "/outside.html")
        #expect(link(base + "/public/plan/linked.html", base + "/copy.html") == 0)
        #expect(symlink(base + "/outside.html", base + "/public/plan/alias.html") == 0)
        func inode(_ name: String) -> UInt {
            var info = stat()
            return lstat(base + "/public/plan/" + name, &info) == 0 ? UInt(info.st_ino) : 0
        }
        let before = ["same.html", "shorter.html", "longer.html", "linked.html"].map(inode)
        let made = [("same.html", "<ol class=\"plan-items\"><li>Позвонить клиенту</li></ol>\r"),
                    ("shorter.html", "<ol></ol>\n"), ("longer.html", "<ol class=\"plan-items\"><li>Позвонить клиенту</li><li>Ещё</li></ol>\n"),
                    ("linked.html", "<ol></ol>\n"), ("alias.html", "<ol></ol>\n"), ("new/index.html", "<ol></ol>\n")]
        let writer = OutputWriter(fileSystem: disk, output: base + "/public")
        let written = try writer.update(made.map { OutputFile(path: "plan/" + $0.0, text: $0.1) }, removing: []) { _ in
            (BuildRecord(settings: "", inputs: [], maps: []), nil)
        }
        #expect(written == 6)
        for (name, text) in made { #expect(try disk.read(base + "/public/plan/" + name) == Array(text.utf8), "\(name)") }
        #expect(["same.html", "shorter.html", "longer.html"].map(inode) == Array(before.prefix(3)), "edited where they are")
        #expect(inode("linked.html") != before[3], "a new file")
        #expect(try disk.read(base + "/copy.html") == earlier && disk.read(base + "/outside.html") == earlier, "the other names keep their bytes")
        var info = stat()
        #expect(lstat(base + "/public/plan/alias.html", &info) == 0 && info.st_mode & S_IFMT == S_IFREG, "the link replaced")
        #expect(disk.kind(at: writer.staging) == nil && disk.kind(at: writer.journal) == nil)
    }

    /// A stopped update's edits are applied by the next build however they were staged: one after the other in a
    /// file for each core, as now; each in a file named by its place; or, by an older tropa, at its path.
    @Test func aStoppedUpdatesEditsAreAppliedHoweverTheyWereStaged() throws {
        let paths = ["index.html", "plan/index.html", "plan/page/2/index.html"]
        let edits = paths.indices.map { FileEdit(pieces: [FileEdit.Piece(offset: 3, bytes: Array("новое \($0)".utf8))], size: 20) }
        for layout in ["runs", "places", "paths"] {
            let memory = MemoryFileSystem()
            let writer = OutputWriter(fileSystem: memory, output: "/site/public")
            for path in paths { try memory.write(Array("старая страница карты".utf8), to: "/site/public/" + path) }
            var journal = UpdateJournal(moves: [], edits: paths, removals: [], staged: layout == "paths" ? nil : true)
            switch layout {
            case "runs":
                try memory.write(edits[0].encoded + edits[1].encoded, to: writer.staging + "/edits0")
                try memory.write(edits[2].encoded, to: writer.staging + "/edits1")
                journal.editSizes = [[edits[0].encoded.count, edits[1].encoded.count], [edits[2].encoded.count]]
            case "places":
                for (index, edit) in edits.enumerated() { try memory.write(edit.encoded, to: writer.staging + "/e\(index)") }
            default:
                for (path, edit) in zip(paths, edits) { try memory.write(edit.encoded, to: writer.staging + "/" + path) }
            }
            try memory.write(Array(try JSONEncoder().encode(journal)), to: writer.journal)
            #expect(try writer.update([], removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) } == 0)
            for (path, edit) in zip(paths, edits) {
                #expect(try memory.read("/site/public/" + path) == edit.applied(to: Array("старая страница карты".utf8)), "\(layout): \(path)")
            }
            #expect(memory.kind(at: writer.journal) == nil && memory.kind(at: writer.staging) == nil)
        }
    }

    /// A file of staged edits cut short: the edits it holds whole are applied, the one cut and those after it in
    /// that file are left (to the full build that follows), and another file's are applied.
    @Test func aStoppedUpdatesEditsCutShortAreLeft() throws {
        let paths = ["a.html", "b.html", "c.html", "d.html"]
        let earlier = Array("старая страница карты".utf8)
        let edits = paths.indices.map { FileEdit(pieces: [FileEdit.Piece(offset: 3, bytes: Array("новое \($0)".utf8))], size: 20) }
        let memory = MemoryFileSystem()
        let writer = OutputWriter(fileSystem: memory, output: "/site/public")
        for path in paths { try memory.write(earlier, to: "/site/public/" + path) }
        try memory.write(edits[0].encoded + edits[1].encoded.prefix(9), to: writer.staging + "/edits0")
        try memory.write(edits[3].encoded, to: writer.staging + "/edits1")
        let sizes = edits.map(\.encoded.count)
        let journal = UpdateJournal(moves: [], edits: paths, removals: [], staged: true, editSizes: [Array(sizes[0...2]), [sizes[3]]])
        try memory.write(Array(try JSONEncoder().encode(journal)), to: writer.journal)
        #expect(try writer.update([], removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) } == 0)
        #expect(try paths.map { try memory.read("/site/public/" + $0) }
                == [edits[0].applied(to: earlier), earlier, earlier, edits[3].applied(to: earlier)])
        #expect(memory.kind(at: writer.journal) == nil && memory.kind(at: writer.staging) == nil)
    }

    /// Recovering, an edit that fails (a full disk) stops the build with the journal kept, so that a full build that
    /// fails too cannot leave the output half edited with nothing to finish it; the next build applies it. An edit
    /// whose file is gone is left, to the full build that follows.
    @Test func aStoppedUpdatesEditThatFailsKeepsTheJournal() throws {
        let earlier = Array("старая страница карты".utf8)
        let edits = (0..<2).map { FileEdit(pieces: [FileEdit.Piece(offset: 3, bytes: Array("новое \($0)".utf8))], size: 20) }
        let memory = MemoryFileSystem()
        let writer = OutputWriter(fileSystem: memory, output: "/site/public")
        try memory.write(earlier, to: "/site/public/a.html")
        try memory.write(edits[0].encoded + edits[1].encoded, to: writer.staging + "/edits0")
        let journal = UpdateJournal(moves: [], edits: ["a.html", "gone.html"], removals: [], staged: true,
                                    editSizes: [edits.map(\.encoded.count)])
        try memory.write(Array(try JSONEncoder().encode(journal)), to: writer.journal)
        let full = FaultyFileSystem(memory: memory, tearsEdits: true)
        #expect(throws: SiteError.self) {
            try OutputWriter(fileSystem: full, output: "/site/public").update([], removing: []) { _ in
                (BuildRecord(settings: "", inputs: [], maps: []), nil)
            }
        }
        #expect(memory.kind(at: writer.journal) == .file && memory.kind(at: writer.staging + "/edits0") == .file)
        #expect(try writer.update([], removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) } == 0)
        #expect(try memory.read("/site/public/a.html") == edits[0].applied(to: earlier))
        #expect(memory.kind(at: "/site/public/gone.html") == nil)
        #expect(memory.kind(at: writer.journal) == nil && memory.kind(at: writer.staging) == nil)
    }

    /// The edits' sizes cut into runs of about as many bytes, one for each core, in order and none empty.
    @Test func editsAreStagedInRunsOfAboutAsManyBytes() {
        #expect(OutputWriter.split([5, 5, 5, 5], into: 2) == [[5, 5], [5, 5]])
        #expect(OutputWriter.split([100, 1, 1], into: 2) == [[100], [1, 1]])
        #expect(OutputWriter.split([1, 100], into: 2) == [[1, 100]])
        #expect(OutputWriter.split([3, 3, 3], into: 8) == [[3], [3], [3]])
        #expect(OutputWriter.split([7], into: 1) == [[7]])
        #expect(OutputWriter.split([], into: 2) == [])
        let sizes = (0..<350).map { 40_000 + $0 * 37 % 900 }
        let runs = OutputWriter.split(sizes, into: 2)
        #expect(runs.count == 2 && Array(runs.joined()) == sizes)
        #expect(abs(runs[0].reduce(0, +) - runs[1].reduce(0, +)) < 2 * sizes.max()!, "apart by less than two edits")
    }

    /// A build stopped after its journal is finished by the next one: an edit of a file that another name now
    /// links to, or that a link has taken the place of, is written as a new file, and what the names lead to keeps
    /// its bytes; an edit that cannot be read is left for the full build that follows.
    @Test func aStoppedEditOfAFileLinkedSinceIsWrittenAsANewFile() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-edit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let disk = DiskFileSystem()
        let bytes = Array("{\"maps\": [\"Альфа\", \"Бета\"]}\n".utf8)
        let edit = FileEdit(pieces: [FileEdit.Piece(offset: 12, bytes: Array("Вега!".utf8))], size: bytes.count)
        let writer = OutputWriter(fileSystem: disk, output: base + "/public")
        for name in ["linked.json", "outside.json", "damaged.json"] {
            try disk.write(bytes, to: (name == "outside.json" ? base : base + "/public") + "/" + name)
        }
        #expect(link(base + "/public/linked.json", base + "/copy.json") == 0)
        #expect(symlink(base + "/outside.json", base + "/public/alias.json") == 0)
        for name in ["linked.json", "alias.json"] { try disk.write(edit.encoded, to: writer.staging + "/" + name) }
        try disk.write(Array("tropa edit 1 9".utf8), to: writer.staging + "/damaged.json")
        let journal = UpdateJournal(moves: [], edits: ["alias.json", "damaged.json", "linked.json"], removals: [])
        try disk.write(Array(try JSONEncoder().encode(journal)), to: writer.journal)
        #expect(try writer.update([], removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) } == 0)
        let edited = edit.applied(to: bytes)
        #expect(try disk.read(base + "/public/linked.json") == edited && disk.read(base + "/public/alias.json") == edited)
        #expect(try disk.read(base + "/copy.json") == bytes && disk.read(base + "/outside.json") == bytes)
        #expect(try disk.read(base + "/public/damaged.json") == bytes)
        var info = stat()
        #expect(lstat(base + "/public/alias.json", &info) == 0 && info.st_mode & S_IFMT == S_IFREG, "the link replaced")
        #expect(disk.kind(at: writer.journal) == nil && disk.kind(at: writer.staging) == nil)
    }

    /// A stopped update's files, staged by their places in its journal, are moved in by the next build, into
    /// folders made for them; so are an older journal's, staged at their paths.
    @Test func aStoppedUpdatesStagedFilesAreMovedIn() throws {
        for byPlace in [true, false] {
            let memory = MemoryFileSystem()
            let writer = OutputWriter(fileSystem: memory, output: "/site/public")
            try memory.write(Array("старая".utf8), to: "/site/public/plan/index.html")
            let moves = ["plan/index.html", "plan/page/2/index.html"]
            for (index, path) in moves.enumerated() {
                try memory.write(Array("новая \(index)".utf8), to: writer.staging + "/" + (byPlace ? "m\(index)" : path))
            }
            let journal = UpdateJournal(moves: moves, edits: [], removals: [], staged: byPlace ? true : nil)
            try memory.write(Array(try JSONEncoder().encode(journal)), to: writer.journal)
            #expect(try writer.update([], removing: []) { _ in (BuildRecord(settings: "", inputs: [], maps: []), nil) } == 0)
            #expect(memory.text(at: "/site/public/plan/index.html") == "новая 0")
            #expect(memory.text(at: "/site/public/plan/page/2/index.html") == "новая 1")
            #expect(memory.kind(at: writer.journal) == nil && memory.kind(at: writer.staging) == nil)
        }
    }

    /// The log kept beside the record is taken at its own commit and folder only, and not when it was cut short.
    @Test func aKeptLogIsTakenAtItsCommitOnlyAndWhole() throws {
        let memory = MemoryFileSystem()
        let writer = OutputWriter(fileSystem: memory, output: "/site/public")
        let head = GitHead(commit: String(repeating: "a", count: 40), shallow: false, prefix: "сайт/")
        let log = Array("\u{1E}c1 100\u{1F}Первая\n\n:000000 100644 000 b1 A\tсайт/content/map.md\n".utf8)
        #expect(writer.keptLog(at: head) == nil)
        writer.keep(log: log, at: head)
        #expect(memory.kind(at: "/site/.public.tropa-history") == .file)
        #expect(writer.keptLog(at: head) == log)
        var other = head
        other.commit = String(repeating: "b", count: 40)
        #expect(writer.keptLog(at: other) == nil)
        other = head
        other.prefix = ""
        #expect(writer.keptLog(at: other) == nil)
        let whole = try memory.read(writer.historyLog)
        try memory.write(Array(whole.dropLast()), to: writer.historyLog)
        #expect(writer.keptLog(at: head) == nil, "a log cut short")
        writer.keep(log: [], at: head)
        #expect(writer.keptLog(at: head) == [])
    }
}
