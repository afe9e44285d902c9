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
