import Foundation
import Testing
import Synchronization
@testable import TropaModel
@testable import TropaOutput
@testable import TropaBuild

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
