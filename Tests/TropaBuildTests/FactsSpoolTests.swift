import Testing
@testable import TropaModel
@testable import TropaAnalysis
@testable import TropaBuild
import TropaTesting
import Foundation

/// A full build's facts lines wait in a file, not in memory, and come back exactly; a spool that cannot be written
/// keeps them in memory, and one that cannot be read back gives no record rather than a wrong one.
@Suite struct FactsSpoolTests {
    private static func maps(_ count: Int) -> [RecordedMap] {
        (0..<count).map { number in
            let summary = JourneySummary(slug: "map-\(number)", title: "Карта \(number)", personaID: nil, product: nil,
                                         segment: nil, tags: ["тег"], draft: false, stageCount: 2)
            let facts = JourneyFacts(path: "content/map-\(number).md", summary: summary,
                                     stages: ["Поиск", "Покупка \(number)"].map { StageFacts(name: $0) }, emotions: [])
            return RecordedMap(BuildRecord.Map(facts: facts, files: ["index.html"]), reachBound: nil)
        }
    }

    /// Spooled from two threads at once, some lines written and the last ones still pending, every map gets its
    /// own line back, read from the file moved out of the staging folder, a window of it for a run of maps.
    @Test func everyLineComesBackToItsMap() throws {
        let memory = MemoryFileSystem()
        let maps = Self.maps(200)
        let spool = try #require(FactsSpool(fileSystem: memory, path: "/out/staging/.tropa-facts", writingBy: 1000))
        let spooled = parallelMap(maps) { spool.spool($0) }
        #expect(spooled.allSatisfy { $0.facts == nil }, "held in the file, not in memory")
        #expect(try memory.read("/out/staging/.tropa-facts").count >= 1000)
        let taken = try #require(spool.taken(spooled, keptAt: "/out/.spool"))
        #expect(memory.kind(at: "/out/staging/.tropa-facts") == nil && memory.kind(at: "/out/.spool") == .file)
        #expect(taken.map(\.facts) == maps.map(\.facts))
        #expect(taken.map(\.map) == maps.map(\.map))
        #expect(RecordedMap.lines(taken[50..<90]) == maps[50..<90].map(\.facts))
        // The facts file written from it is the one written from the lines held.
        let record = BuildRecord(settings: "", inputs: [], maps: taken), held = BuildRecord(settings: "", inputs: [], maps: maps)
        #expect(record.encoded(appendingTo: nil).map { Array($0.facts.joined()) } == held.encoded(appendingTo: nil).map { Array($0.facts.joined()) })
    }

    /// A write that fails (a full disk) leaves that line and every later one in memory; they come back all the same.
    @Test func linesThatCannotBeWrittenStayInMemory() throws {
        let writes = Counter()
        let faulty = FaultyFileSystem(memory: MemoryFileSystem(), failsWrite: { _ in writes.next() > 2 })
        let maps = Self.maps(60)
        let spool = try #require(FactsSpool(fileSystem: faulty, path: "/out/.tropa-facts", writingBy: 500))
        let spooled = maps.map(spool.spool)
        // The file made, one part written, one failed, and no write tried after it.
        #expect(writes.count == 3)
        #expect(try #require(spool.taken(spooled, keptAt: "/out/.spool")).map(\.facts) == maps.map(\.facts))
        #expect(faulty.kind(at: "/out/.spool") == nil && faulty.kind(at: "/out/.tropa-facts") == nil, "read back and removed")
    }

    /// A spool cut short, or one that is gone, gives nothing: the build then leaves no record, and the next is full.
    @Test func aSpoolNotAsWrittenGivesNothing() throws {
        let memory = MemoryFileSystem()
        let maps = Self.maps(30)
        let spool = try #require(FactsSpool(fileSystem: memory, path: "/out/.tropa-facts", writingBy: 100))
        let spooled = maps.map(spool.spool)
        try memory.write(Array(try memory.read("/out/.tropa-facts").dropLast()), to: "/out/.tropa-facts")
        #expect(spool.taken(spooled, keptAt: "/out/.spool") == nil)
        let unmade = FaultyFileSystem(memory: MemoryFileSystem(), failsWrite: { _ in true })
        #expect(FactsSpool(fileSystem: unmade, path: "/out/.tropa-facts") == nil)
    }

    /// A spool gone before the facts file is written from it leaves that file short of the size the record names:
    /// the record is not trusted, and the next build is a full one.
    @Test func aSpoolGoneBeforeTheFactsAreWrittenLeavesNoTrustedRecord() throws {
        let memory = MemoryFileSystem()
        let maps = Self.maps(40)
        let spool = try #require(FactsSpool(fileSystem: memory, path: "/out/staging/.tropa-facts", writingBy: 200))
        let taken = try #require(spool.taken(maps.map(spool.spool), keptAt: "/out/.spool"))
        let encoded = try #require(BuildRecord(settings: "", inputs: [], maps: taken).encoded(appendingTo: nil))
        try memory.removeItem("/out/.spool")
        let facts = Array(encoded.facts.joined())
        let whole = try #require(BuildRecord(settings: "", inputs: [], maps: maps).encoded(appendingTo: nil))
        #expect(facts.count < Array(whole.facts.joined()).count)
        #expect(BuildRecord(decoding: encoded.record)?.attaching(RangedFile(facts)) == nil)
        #expect(BuildRecord(decoding: whole.record)?.attaching(RangedFile(Array(whole.facts.joined()))) != nil)
    }

    /// A full build's record has every map's facts, and its spool is left neither in the output nor beside it.
    @Test func aFullBuildLeavesNoSpoolAndAWholeRecord() throws {
        let memory = try RenderFixtures.memory("segments")
        let output = try #require(try RenderBuild.build(memory).result.outputPath)
        let writer = OutputWriter(fileSystem: memory, output: output)
        #expect(memory.kind(at: output + "/.tropa-facts") == nil && memory.kind(at: writer.keptSpool) == nil)
        let record = try #require(writer.record().flatMap(writer.withFacts))
        #expect(!record.maps.isEmpty && record.maps.allSatisfy { $0.facts != nil && $0.map != nil })
    }
}

/// Counts calls from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    var count: Int { lock.withLock { calls } }
    func next() -> Int { lock.withLock { calls += 1; return calls } }
}
