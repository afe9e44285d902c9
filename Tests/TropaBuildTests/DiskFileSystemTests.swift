import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// The real file system's reads and statuses, on a temporary folder; the memory one answers the same.
@Suite struct DiskFileSystemTests {
    private static func folder() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("папка"), withIntermediateDirectories: true)
        return base
    }

    @Test func readGivesTheBytesAsWritten() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let disk = DiskFileSystem()
        let large = (0..<1_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let files: [String: [UInt8]] = ["large.bin": large, "папка/карта.md": Array("# Путь\n".utf8), "empty": []]
        for (path, bytes) in files { try disk.write(bytes, to: base.path + "/" + path) }
        for (path, bytes) in files { #expect(try disk.read(base.path + "/" + path) == bytes, "\(path)") }
        // A file whose size the system does not know is read to its end all the same.
        #expect(try String(decoding: disk.read("/proc/self/status"), as: UTF8.self).contains("Name:"))
        let folderError = #expect(throws: SiteError.self) { try disk.read(base.path + "/папка") }
        #expect(folderError?.description.contains("it is a folder") == true)
        let missingError = #expect(throws: SiteError.self) { try disk.read(base.path + "/missing") }
        #expect(missingError?.description.contains("no such file or folder") == true)
    }

    /// A file moved over another takes its place whatever their sizes (a large one is freed on another thread); a
    /// move that fails leaves the file that was there.
    @Test func aFileMovedOverAnotherReplacesIt() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let disk = DiskFileSystem()
        let large = [UInt8](repeating: 7, count: 3 << 20), small = Array("новый".utf8)
        for (name, old) in [("large.csv", large), ("small.csv", Array("старый".utf8))] {
            let target = base.path + "/" + name
            try disk.write(old, to: target)
            try disk.write(small, to: base.path + "/new")
            try disk.moveItem(base.path + "/new", to: target)
            #expect(try disk.read(target) == small, "\(name)")
            #expect(disk.kind(at: base.path + "/new") == nil)
        }
        try disk.write(large, to: base.path + "/large.csv")
        #expect(throws: SiteError.self) { try disk.moveItem(base.path + "/missing", to: base.path + "/large.csv") }
        #expect(try disk.read(base.path + "/large.csv") == large)
    }

    /// A part of a file, as the record's facts are read; the memory file system answers the same.
    @Test func aPartOfAFileIsItsBytes() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let bytes = (0..<200_001).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for system in [DiskFileSystem(), MemoryFileSystem()] as [FileSystem] {
            let path = base.path + "/facts"
            try system.write(bytes, to: path)
            #expect(try system.read(path, range: 150_000..<200_001) == Array(bytes[150_000...]))
            #expect(try system.read(path, range: 7..<7) == [])
            #expect(throws: SiteError.self) { try system.read(path, range: 200_002..<200_002) }
            let beyond = #expect(throws: SiteError.self) { try system.read(path, range: 199_990..<200_002) }
            #expect(beyond?.description.contains("ends before byte 200002") == true)
            #expect(throws: SiteError.self) { try system.read(base.path + "/missing", range: 0..<1) }
        }
    }

    /// A patch's kept parts are the other file's bytes (copied by the kernel on disk, more than a megabyte of them
    /// here), its new parts written between them, in a folder made for it; a kept part the other file does not
    /// hold is an error, and the file is not written whole.
    @Test func aPatchWritesKeptPartsOfAnotherFileAndNewBytes() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let bytes = (0..<3_000_001).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let patch = FilePatch(parts: [.kept(0..<10), .new(Array("новое".utf8)), .kept(20..<2_500_000), .new([]),
                                      .kept(2_500_000..<3_000_001)], of: 3_000_001)
        let expected = Array(bytes[0..<10]) + Array("новое".utf8) + Array(bytes[20...])
        #expect(patch.size == expected.count && patch.changes)
        // Kept whole and in order it changes nothing; moved, or cut short, it does.
        var whole = FilePatch(of: 3_000_001)
        whole.keep(0..<10)
        whole.keep(10..<3_000_001)
        #expect(whole.parts == [.kept(0..<3_000_001)] && !whole.changes)
        var moved = FilePatch(of: 3_000_001)
        moved.keep(10..<3_000_001)
        moved.keep(0..<10)
        #expect(moved.changes && moved.size == 3_000_001)
        #expect(FilePatch(parts: [.kept(0..<10)], of: 3_000_001).changes)
        for system in [DiskFileSystem(), MemoryFileSystem()] as [FileSystem] {
            let source = base.path + "/plan.csv", target = base.path + "/staging/plan/plan.csv"
            try system.write(bytes, to: source)
            try system.write(patch, of: source, to: target)
            #expect(try system.read(target) == expected)
            let beyond = #expect(throws: SiteError.self) {
                try system.write(FilePatch(parts: [.new([1]), .kept(2_999_990..<3_000_002)], of: 3_000_001), of: source, to: target)
            }
            #expect(beyond?.description.contains("ends before byte") == true)
            let missing = #expect(throws: SiteError.self) { try system.write(patch, of: base.path + "/missing", to: target) }
            #expect(missing?.description.contains("/missing") == true)
        }
    }

    /// An edit is written where the file is, which is then cut or made longer to the edit's size. A file that
    /// another name leads to, a link or a folder is not edited: the answer is false and nothing changes.
    @Test func anEditIsWrittenWhereTheFileIs() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let system = DiskFileSystem(), path = base.path + "/maps.json"
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        try system.write(bytes, to: path)
        let edit = FileEdit(pieces: [FileEdit.Piece(offset: 10, bytes: [1, 2, 3]), FileEdit.Piece(offset: 99_998, bytes: [4, 5, 6, 7])],
                            size: 100_002)
        #expect(try system.apply(edit, to: path))
        let edited = edit.applied(to: bytes)
        #expect(try system.read(path) == edited)
        #expect(try system.apply(edit, to: path))
        #expect(try system.read(path) == edited, "applied again, the same")
        let second = base.path + "/copy.json", alias = base.path + "/alias.json"
        #expect(link(path, second) == 0 && symlink(path, alias) == 0)
        let cut = FileEdit(pieces: [], size: 50)
        for name in [path, second, alias, base.path] { #expect(try !system.apply(cut, to: name), "\(name)") }
        #expect(try system.read(path) == edited && system.read(second) == edited)
        #expect(unlink(second) == 0)
        #expect(try system.apply(cut, to: path))
        #expect(try system.read(path) == Array(edited.prefix(50)))
        #expect(throws: SiteError.self) { try system.apply(edit, to: base.path + "/missing") }
    }

    /// A file written in parts (the plan's CSV) is its parts one after the other, in a folder made for it.
    @Test func partsAreWrittenOneAfterTheOther() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let parts: [[UInt8]] = [Array("заголовок\r\n".utf8), [], (0..<1_500_001).map { UInt8(truncatingIfNeeded: $0 &* 11) }, [7]]
        for (number, system) in ([DiskFileSystem(), MemoryFileSystem()] as [FileSystem]).enumerated() {
            let target = base.path + "/staging-\(number)/plan/plan.csv"
            try system.write(parts: parts, to: target)
            #expect(try system.read(target) == Array(parts.joined()))
            try system.write(parts: [[UInt8]](), to: target)
            #expect(try system.read(target) == [])
        }
    }

    /// A folder is made with those missing above it, by threads that each make another folder under the same
    /// missing ones at once; one that is there is kept; a file in the way is an error that names the folder.
    @Test func aFolderIsMadeWithThoseAboveIt() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let disk = DiskFileSystem()
        let nested = (0..<16).map { base.path + "/новая/g\($0 % 2)/map-\($0)" }
        let made = parallelMap(nested) { path in Result { try disk.createDirectory(path) } }
        for (path, outcome) in zip(nested, made) {
            #expect(throws: Never.self) { try outcome.get() }
            #expect(disk.kind(at: path) == .directory)
        }
        try disk.createDirectory(nested[0])
        try disk.createDirectory(base.path + "/папка")
        try disk.write(Array("файл".utf8), to: base.path + "/папка/файл")
        #expect(try disk.read(base.path + "/папка/файл") == Array("файл".utf8))
        let inTheWay = #expect(throws: SiteError.self) { try disk.createDirectory(base.path + "/папка/файл/внутри") }
        #expect(inTheWay?.description.contains("cannot create the folder \(base.path)/папка/файл/внутри") == true)
        let onAFile = #expect(throws: SiteError.self) { try disk.createDirectory(base.path + "/папка/файл") }
        #expect(onAFile?.description.contains("cannot create the folder") == true)
        // Written into a folder not there yet, a file has it made.
        try disk.write(Array("x".utf8), to: base.path + "/ещё/глубже/x.txt")
        #expect(try disk.read(base.path + "/ещё/глубже/x.txt") == Array("x".utf8))
    }

    /// A folder of many folders (an output's maps, in groups or not) is removed whole, its files at every level too;
    /// a link in it to a folder outside is removed as a link, and what it leads to stays.
    @Test func aFolderOfManyFoldersIsRemovedWholeButNotThroughLinks() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let disk = DiskFileSystem()
        let outside = base.path + "/снаружи"
        try disk.write(Array("чужое".utf8), to: outside + "/папка/файл.txt")
        let grouped = (0..<120).map { "g\($0 % 3)/map-\($0)" }, flat = (0..<70).map { "map-\($0)" }
        for (output, maps) in [(base.path + "/public", grouped), (base.path + "/flat", flat)] {
            for map in maps {
                try disk.write(Array("<p>карта</p>".utf8), to: "\(output)/\(map)/index.html")
                try disk.write([1, 2, 3], to: "\(output)/\(map)/journey.json")
            }
            try disk.write(Array("каталог".utf8), to: output + "/index.html")
            try FileManager.default.createSymbolicLink(atPath: "\(output)/\(maps[0])/ссылка", withDestinationPath: outside)
            try FileManager.default.createSymbolicLink(atPath: output + "/ссылка", withDestinationPath: outside)
            try disk.removeItem(output)
            #expect(disk.kind(at: output) == nil, "\(output)")
            #expect(try disk.read(outside + "/папка/файл.txt") == Array("чужое".utf8))
        }
        // An output that is itself a link to a folder of many: the link goes, the folder and its folders stay.
        let served = base.path + "/served"
        for map in flat { try disk.write(Array("<p>карта</p>".utf8), to: "\(served)/\(map)/index.html") }
        try FileManager.default.createSymbolicLink(atPath: base.path + "/public", withDestinationPath: served)
        try disk.removeItem(base.path + "/public")
        #expect(disk.kind(at: base.path + "/public") == nil)
        #expect(try disk.read(served + "/map-69/index.html") == Array("<p>карта</p>".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: served).count == flat.count)
    }

    /// A listing is in the order of its paths' bytes, whatever order the folder gives: names alike in their first
    /// sixteen bytes and apart after, shorter and longer ones, Cyrillic and signs below and above the letters.
    @Test func aListingIsInTheOrderOfItsPathsBytes() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let disk = DiskFileSystem()
        let sixteen = String(repeating: "a", count: 16)
        let names = ["b", "a", "ab", "a-b", "a.b", "A", "Я", "ё", "~", "z.md", "карта-10.md", "карта-9.md", "ﬀ",
                     String(sixteen.dropLast()), sixteen, sixteen + "b", sixteen + "-", sixteen + "aaaab", sixteen + "aaaaa",
                     String(repeating: "я", count: 8), String(repeating: "я", count: 8) + "a", String(repeating: "я", count: 7) + "a"]
        let paths = names + names.map { "папка/" + $0 } + ["aa/x", "aa-x", "aa.x"]
        for path in paths { try disk.write([], to: base.path + "/" + path) }
        let bytes = { (path: String) in Array(path.utf8) }
        #expect(try disk.files(under: base.path) == paths.sorted { bytes($0).lexicographicallyPrecedes(bytes($1)) })
    }

    /// Of two broken links in a folder, the one whose name's bytes come first is told, whatever order the folder
    /// gives: names apart in their first eight bytes, in their second eight, and after sixteen alike.
    @Test func theFirstBrokenLinkByItsNameIsTold() throws {
        let sixteen = String(repeating: "a", count: 16)
        for (first, second) in [("ab-", "abc"), ("aaaaaaaa-", "aaaaaaaab"), (sixteen + "-", sixteen + "b"), (sixteen, sixteen + "-")] {
            for names in [[first, second], [second, first]] {
                let base = try Self.folder()
                defer { try? FileManager.default.removeItem(at: base) }
                for name in names {
                    try FileManager.default.createSymbolicLink(atPath: base.path + "/" + name, withDestinationPath: "nowhere")
                }
                let error = #expect(throws: SiteError.self) { try DiskFileSystem().files(under: base.path) }
                #expect(error?.description.contains("/\(first) leads nowhere") == true, "\(names): \(error?.description ?? "")")
            }
        }
    }

    @Test func statusesAnswerEachPathInOrder() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let disk = DiskFileSystem()
        let memory = MemoryFileSystem()
        for system in [disk, memory] as [FileSystem] {
            try system.write(Array("12345".utf8), to: base.path + "/a.txt")
            try system.write([], to: base.path + "/папка/b.txt")
        }
        let paths = ["a.txt", "missing", "папка/b.txt", "папка", "папка/missing"]
        let statuses = disk.statuses(of: paths, in: base.path)
        #expect(statuses.map { $0?.size } == [5, nil, 0, statuses[3]?.size, nil])
        #expect(statuses.map { $0 == nil } == [false, true, false, false, true])
        #expect(statuses[0] == disk.status(at: base.path + "/a.txt"))
        #expect(memory.statuses(of: paths, in: base.path).map { $0 == nil } == statuses.map { $0 == nil })
        #expect(disk.statuses(of: paths, in: base.path + "/missing").allSatisfy { $0 == nil })
    }

    /// A file's lock has one holder at a time, other processes included (here a descriptor of the test's own, as
    /// another process holds one): a taker waits while it is held and says it waited; one that finds it free does
    /// not, and holds it until it lets the lock go.
    @Test func aLockHeldElsewhereIsWaitedFor() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let disk = DiskFileSystem(), path = base.path + "/папка/.public.tropa-lock"
        let other = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(other >= 0 && flock(other, LOCK_EX) == 0)
        let taken = TakenLock(), started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        // A thread of its own: the shared pool may be busy with other tests for longer than the wait below.
        Thread {
            started.signal()
            taken.value = try? disk.lock(path)
            done.signal()
        }.start()
        started.wait()
        #expect(done.wait(timeout: .now() + 0.5) == .timedOut)
        close(other)
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(taken.value?.waited == true)
        // Held by the taker: the other cannot take it until the taker lets it go.
        let again = open(path, O_RDWR | O_CLOEXEC)
        defer { close(again) }
        #expect(flock(again, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        taken.value = nil
        #expect(flock(again, LOCK_EX | LOCK_NB) == 0)
        flock(again, LOCK_UN)
        #expect(try disk.lock(path).waited == false)
        // Folders still to be made are made; a file where a folder should be cannot hold one.
        #expect(try disk.lock(base.path + "/новая/папка/.public.tropa-lock").waited == false)
        #expect(FileManager.default.fileExists(atPath: base.path + "/новая/папка/.public.tropa-lock"))
        #expect(throws: SiteError.self) { try disk.lock(path + "/.public.tropa-lock") }
    }
}

/// A lock taken on another thread, handed over.
private final class TakenLock: @unchecked Sendable {
    private let guardLock = NSLock()
    private var taken: (lock: FileLock, waited: Bool)?

    var value: (lock: FileLock, waited: Bool)? {
        get { guardLock.withLock { taken } }
        set { guardLock.withLock { taken = newValue } }
    }
}
