import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// The in-memory file system the other tests check sites with behaves like a disk.
@Suite struct MemoryFileSystemTests {
    @Test func pathsAreNormalizedOnTheWayInAndOut() throws {
        let memory = MemoryFileSystem(files: ["/site/content/a.md": "А", "site/./content/b.md": "Б"])
        #expect(memory.kind(at: "site") == .directory)
        #expect(memory.kind(at: "/site/content") == .directory)
        #expect(memory.kind(at: "site/content/a.md") == .file)
        #expect(memory.kind(at: "./site/content/b.md") == .file)
        #expect(memory.kind(at: "site/content/c.md") == nil)
        #expect(try memory.read("site/content/a.md") == Array("А".utf8))
        #expect(try memory.files(under: "/site") == ["content/a.md", "content/b.md"])
    }

    @Test func hiddenFilesAndFoldersAreLeftOut() throws {
        let memory = MemoryFileSystem(files: ["s/content/.draft.md": "", "s/content/.git/x.md": "", "s/content/ok.md": ""])
        #expect(try memory.files(under: "s/content") == ["ok.md"])
    }

    @Test func filesAreListedInByteOrder() throws {
        let memory = MemoryFileSystem(files: ["s/б.md": "", "s/a.md": "", "s/Z.md": "", "s/a/b.md": ""])
        #expect(try memory.files(under: "s") == ["Z.md", "a.md", "a/b.md", "б.md"])
    }

    @Test func aMissingFileIsASiteError() {
        #expect(throws: SiteError.self) { try MemoryFileSystem().read("nowhere.md") }
    }

    @Test func writesAndMovesAreVisible() throws {
        let memory = MemoryFileSystem()
        try memory.write(Array("<p>".utf8), to: "/out/tmp/index.html")
        try memory.moveItem("out/tmp", to: "out/public")
        #expect(memory.text(at: "out/public/index.html") == "<p>")
        #expect(memory.kind(at: "out/tmp") == nil)
        try memory.removeItem("/out/public")
        #expect(memory.contents.isEmpty)
    }
}
