import Testing
import Synchronization
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting
import Foundation

/// The record of the last build: it reads back exactly as written, and it tells what the next build has to do.
@Suite struct BuildRecordTests {
    private static func map(_ path: String, title: String = "Карта", files: [String] = ["index.html"]) -> BuildRecord.Map {
        let summary = JourneySummary(slug: String(path.dropFirst(8).dropLast(3)), title: title, personaID: nil,
                                     product: nil, segment: nil, tags: [], draft: false, stageCount: 3)
        return BuildRecord.Map(facts: JourneyFacts(path: path, summary: summary,
                                                   stages: ["a", "b", "c"].map { StageFacts(name: $0) }, emotions: []),
                               files: files)
    }

    private static let record = BuildRecord(
        settings: "tropa test", inputs: [
            .init(path: "content/a.md", hash: 1, status: FileStatus(size: 10, modified: 100)),
            .init(path: "content/b.md", hash: 2, status: nil),
            .init(path: "templates/base.mustache", hash: 3, status: FileStatus(size: 5, modified: 7)),
        ], maps: [RecordedMap(map("content/a.md"), reachBound: nil), RecordedMap(map("content/b.md"), reachBound: nil)],
        siteFiles: ["index.html", "_tropa/style.css"])

    /// The encoded fields of a map's whole entry, as `RecordedMap.map` reads them: its record line's first three
    /// fields, its facts line's, and its files.
    private static func fields(_ map: BuildRecord.Map) -> [String] {
        let recorded = RecordedMap(map, reachBound: nil)
        let line = String(decoding: recorded.line, as: UTF8.self).components(separatedBy: "\t")
        let facts = String(decoding: recorded.facts ?? [], as: UTF8.self).components(separatedBy: "\t")
        return line.prefix(3) + facts + [line[10]]
    }

    /// The record and its whole facts file, as a full build writes them.
    private static func encoded(_ record: BuildRecord) -> (record: [UInt8], facts: [UInt8])? {
        record.encoded(appendingTo: nil).map { ($0.record, Array($0.facts.joined())) }
    }

    private static func recorded(_ fields: [String]) -> RecordedMap? {
        RecordedMap(fields: fields.map { Array($0.utf8)[...] }, reachBound: nil)
    }

    /// Encodes `record` and reads it back, its facts as written; written again, it is the same bytes.
    private static func readBack(_ record: BuildRecord) throws -> BuildRecord {
        let (bytes, facts) = try #require(Self.encoded(record))
        let decoded = try #require(BuildRecord(decoding: bytes)?.attaching(RangedFile(facts)))
        let again = try #require(Self.encoded(decoded))
        #expect(again.record == bytes && again.facts == facts)
        return decoded
    }

    @Test func awkwardTextReadsBackAsWritten() throws {
        let awkward = ["", "\\-", "tab\there", "line\nbreak", "back\\slash", "sep\u{1F}arator", "\\t", "Путь — «клиента»"]
        var record = Self.record
        record.settings = awkward.joined(separator: "|")
        let maps = awkward.enumerated().map { index, text in
            // The stages and emotion labels are awkward too; the series has one point per stage, the first with no label.
            let stages = Array(awkward.prefix(index))
            let points = stages.indices.map { EmotionSeries.Point(stage: $0, score: Double($0) - 1.5, label: $0 == 0 ? "" : text) }
            let summary = JourneySummary(slug: "s\(index)" + text, title: text, personaID: text.isEmpty ? nil : text,
                                         product: text, segment: index % 2 == 0 ? nil : "",
                                         tags: index == 0 ? [""] : Array(awkward.prefix(index)),
                                         draft: index % 2 == 1, stageCount: index,
                                         audience: index % 2 == 0 ? nil : 12_000.5 * Double(index),
                                         evidence: index % 3 == 0 ? nil : Evidence.allCases[index % 4],
                                         // No review, one without a period or a next date, one every 14 days, one
                                         // every 3 months.
                                         review: index % 4 == 0 ? nil : ReviewDates(
                                             every: [nil, .days(14), .months(3)][index % 4 - 1], last: text,
                                             next: index % 4 == 1 ? nil : "2026-12-0\(index)", measured: index % 3 != 0))
            // Every kind of unit, an awkward one among them, ranges and targets, and a fork from the first stage to
            // every other.
            let figures: StageFigures = [.conversion: Figure(value: 35.5, unit: .percent, target: 45),
                                                 .duration: Figure(value: 2.5, unit: .duration(.week), range: 2...3,
                                                                   target: 0.1),
                                                 .nps: Figure(value: -20, unit: .plain),
                                                 .csat: Figure(value: 1e-3, unit: .other(text))]
            let flow = stages.isEmpty ? StageGraph.line(count: 0)
                : StageGraph(starts: index % 2 == 0 ? [0] : Array(stages.indices.prefix(2)),
                             next: [Array(stages.indices.dropFirst())] + stages.dropFirst().map { _ in [] })
            return BuildRecord.Map(facts: JourneyFacts(path: "content/\(index).md", summary: summary,
                                                       stages: stages.enumerated().map {
                                                           // Every other stage in a branch with an awkward label.
                                                           StageFacts(name: $1, figures: $0 == 0 ? figures : [:],
                                                                      branch: $0 % 2 == 1 ? "ветка " + $1 + "\u{1F}" : nil)
                                                       },
                                                       flow: flow,
                                                       emotions: points.isEmpty ? [] : [EmotionSeries(points: points)]),
                                   files: index == 1 ? [] : [text, "x"])
        }
        record.maps = maps.map { RecordedMap($0, reachBound: nil) }
        record.siteFiles = awkward
        record.linkedMaps = awkward.reversed()
        record.linkTargets = Array(awkward.dropFirst())
        record.measurements = Dictionary(uniqueKeysWithValues: awkward.map { ($0, "данные/" + $0) })
        (record.warnedMaps, record.diagnosticCount) = (Array(awkward.dropLast()), 12)
        record.folderTimes = Dictionary(uniqueKeysWithValues: awkward.enumerated().map { ($1, Int64($0) * 1_000_000_007) })
        let decoded = try Self.readBack(record)
        #expect(decoded.settings == record.settings && decoded.inputs == record.inputs && decoded.siteFiles == record.siteFiles
                && decoded.linkedMaps == record.linkedMaps && decoded.linkTargets == record.linkTargets && decoded.folderTimes == record.folderTimes
                && decoded.measurements == record.measurements)
        #expect(decoded.warnedMaps == record.warnedMaps && decoded.diagnosticCount == 12)
        #expect(decoded.maps.map(\.map) == maps)
        #expect(decoded.maps.map(\.path) == maps.map(\.facts.path))
        #expect(decoded.maps.map(\.built) == maps.map { !$0.files.isEmpty })
        #expect(decoded.outputFiles == awkward + maps.flatMap { map in map.files.map(map.facts.slug.appendingPath) })
    }

    /// Each sign the record escapes (a backslash, a tab, a line feed; in a list its separator too), at every place
    /// in a word of ASCII or Cyrillic text, reads back as written, in a field and in a list.
    @Test func eachEscapedSignAtEveryPlaceReadsBack() throws {
        var texts: [String] = []
        for filler in ["abcdefghijklmnopq", "Путь клиента"] {
            for sign in ["\\", "\t", "\n", "\u{1F}", "\u{1E}", "|"] {
                for place in 0...16 { texts.append(String(filler.prefix(place)) + sign + String(filler.dropFirst(place)) + sign) }
            }
        }
        var record = Self.record
        record.settings = texts.joined(separator: "|")
        record.siteFiles = texts
        let decoded = try Self.readBack(record)
        #expect(decoded.settings == record.settings)
        #expect(decoded.siteFiles == texts)
    }

    /// A record of an earlier version (the facts in its map lines), one with a line missing or damaged.
    @Test(arguments: ["", "tropa build record 2\nsettings\tx\nfiles\t1\nsite\t0\n",
                      "tropa build record 9\nsettings\tx\nsite\t0\nlinked\t0\n",
                      "tropa build record 10\nsettings\tx\nsite\t0\nlinked\t0\nfolders\t0\t0\n",
                      "tropa build record 11\nsettings\tx\nsite\t0\nlinked\t0\nfolders\t1\u{1F}a\t1\u{1F}7\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\ninput\ta\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\nmap\ta\n",
                      "tropa build record 21\nsettings\tx\nsite\tmany\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}soon\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}7\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}7\nfacts\tbig\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t1\u{1F}0\t1\u{1F}1\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t9\t\\-\t\\-\t\\-\nat\t1\u{1F}-1\t1\u{1F}1\nmap\ta.md\tb\tc\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t9\t\\-\t\\-\t\\-\nat\t1\u{1F}0\t0\nmap\ta.md\tb\tc\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t9\t\\-\t\\-\t\\-\nat\t1\u{1F}\(Int.max)\t1\u{1F}1\nmap\ta.md\tb\tc\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\tsome\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 19\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}7\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 14\nsettings\tx\nsite\t0\nlinked\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 13\nsettings\tx\nsite\t0\nlinked\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}99999999999999999999\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\ninput\ta\tfg\t1\t2\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t-\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 14\nsettings\tx\n", "tropa build record 3\nsettings\tx\nsite\t2\n",
                      // A list of numbers with fewer or more than its count (one far beyond any), or none; an input
                      // of four or six fields.
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t\(1 << 40)\u{1F}7\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t2\u{1F}7\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t0\u{1F}7\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t\\-\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}7\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\ninput\ta\tf\t1\n",
                      "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}7\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\ninput\ta\tf\t1\t2\t3\n"])
    func aRecordThatCannotBeReadIsNone(_ text: String) {
        #expect(BuildRecord(decoding: Array(text.utf8)) == nil)
    }

    /// The plan's layout reads back after the maps' facts, kinds and owners as written (none too); lines that are
    /// not the ones the record's hash names, or that name a map beyond the built ones, leave the plan out and the
    /// maps' facts in.
    @Test func thePlanReadsBackAfterTheFacts() throws {
        var record = Self.record
        let plan = ActionPlan(kinds: [
            .init(kind: "Сайт\tвкладка", owners: [.init(owner: "marketing", entries: [.init(map: 1, action: 0), .init(map: 0, action: 12),
                                                                                   .init(map: 1, action: 9_876_543_210)]),
                                                 .init(owner: nil, entries: [.init(map: 0, action: 3)])]),
            .init(kind: nil, owners: [.init(owner: "support", entries: [.init(map: 1, action: 2)])]),
        ])
        record.plan = plan
        let (bytes, facts) = try #require(Self.encoded(record))
        let read = try #require(BuildRecord(decoding: bytes)?.attaching(RangedFile(facts)))
        #expect(read.plan == plan)
        #expect(read.maps.map(\.map) == record.maps.map(\.map))
        let lines = String(decoding: facts, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 5 && lines[2] == "plan\tСайт\\tвкладка\tmarketing\t1.0 0.12 1.9876543210")

        // Another plan of the same size: the hash tells.
        let other = Array(String(decoding: facts, as: UTF8.self).replacingOccurrences(of: "1.0 0.12", with: "0.0 1.12").utf8)
        #expect(other.count == facts.count)
        let damaged = try #require(BuildRecord(decoding: bytes)?.attaching(RangedFile(other)))
        #expect(damaged.plan == nil && damaged.maps.map(\.map) == record.maps.map(\.map))

        // A plan of a map the record does not have.
        record.plan = ActionPlan(kinds: [.init(kind: nil, owners: [.init(owner: nil, entries: [.init(map: 2, action: 0)])])])
        let (beyondBytes, beyondFacts) = try #require(Self.encoded(record))
        #expect(try #require(BuildRecord(decoding: beyondBytes)?.attaching(RangedFile(beyondFacts))).plan == nil)

        // No plan laid out: no lines.
        record.plan = nil
        let (noPlan, noPlanFacts) = try #require(Self.encoded(record))
        #expect(noPlanFacts.count == facts.count - lines[2...].reduce(0) { $0 + $1.utf8.count + 1 })
        #expect(try #require(BuildRecord(decoding: noPlan)?.attaching(RangedFile(noPlanFacts))).plan == nil)
    }

    /// A plan named at a place no file has (before its start) is no plan; the maps' facts are still read.
    @Test func aPlanAtNoPlaceIsNone() throws {
        var record = Self.record
        record.plan = ActionPlan(kinds: [.init(kind: nil, owners: [.init(owner: nil, entries: [.init(map: 0, action: 0)])])])
        let (bytes, facts) = try #require(Self.encoded(record))
        let text = String(decoding: bytes, as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("facts\t") })
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        let moved = text.replacingOccurrences(of: line, with: [fields[0], fields[1], "-3", fields[3], fields[4]].joined(separator: "\t"))
        let read = try #require(BuildRecord(decoding: Array(moved.utf8)))
        #expect(read.planAt == nil)
        let attached = try #require(read.attaching(RangedFile(facts)))
        #expect(attached.plan == nil && attached.maps.map(\.map) == record.maps.map(\.map))
    }

    /// An update's record adds to the facts file only the lines it lacks: a map read again, and the plan when it is
    /// not the one the file holds, without reading the lines it keeps. The file then reads back whole; one that
    /// would grow past twice what its live lines need is written whole instead.
    @Test func anUpdatesFactsAreAddedToTheFile() throws {
        var record = Self.record
        record.plan = ActionPlan(kinds: [.init(kind: "Сайт", owners: [.init(owner: nil, entries: [.init(map: 0, action: 0)])])])
        let (bytes, facts) = try #require(Self.encoded(record))
        let reads = Mutex<[Range<Int>]>([])
        let counted = RangedFile(size: facts.count) { range in
            reads.withLock { $0.append(range) }
            return Array(facts[range])
        }
        var read = try #require(BuildRecord(decoding: bytes)?.attaching(counted))
        read.maps[1] = RecordedMap(Self.map("content/b.md", title: "Вторая"), reachBound: nil)
        let (nextBytes, addedParts, appended) = try #require(read.encoded(appendingTo: facts.count))
        let added = Array(addedParts.joined())
        let lines = 0..<(try #require(read.planAt)).lowerBound
        #expect(reads.withLock { $0 }.allSatisfy { !$0.overlaps(lines) }, "the kept maps' lines are not read, only the plan")
        #expect(appended && String(decoding: added, as: UTF8.self).hasPrefix("Вторая\t") && added.last == 0x0A)
        #expect(added.count == (read.maps[1].facts?.count ?? 0) + 1, "the plan is where it was")
        let next = try #require(BuildRecord(decoding: nextBytes)?.attaching(RangedFile(facts + added)))
        #expect(next.maps.map(\.map) == read.maps.map(\.map))
        #expect(next.plan == record.plan)

        // Another plan is added after the map.
        read.plan = ActionPlan(kinds: [.init(kind: "SMM", owners: [.init(owner: nil, entries: [.init(map: 1, action: 0)])])])
        read.planAt = nil
        let (planBytes, withPlan, _) = try #require(read.encoded(appendingTo: facts.count))
        #expect(try #require(BuildRecord(decoding: planBytes)?.attaching(RangedFile(facts + withPlan.joined()))).plan == read.plan)

        // A file grown past twice what its live lines need (the old lines of a map edited again and again) is
        // written whole.
        let (_, whole, rewritten) = try #require(read.encoded(appendingTo: 3 * facts.count))
        #expect(!rewritten && Array(whole.joined()) == Self.encoded(read)?.facts)
    }

    /// The facts file is read a line at a time as maps are decoded, each line exactly: an update that shows a few
    /// of 10,000 maps does not read the others'.
    @Test func factsAreReadALineAtATimeAsMapsAreDecoded() throws {
        let (bytes, facts) = try #require(Self.encoded(Self.record))
        let reads = ReadLog()
        let file = RangedFile(size: facts.count) { range in
            reads.add(range)
            return Array(facts[range])
        }
        let record = try #require(BuildRecord(decoding: bytes)?.attaching(file))
        #expect(reads.ranges.isEmpty, "no plan, nothing read")
        #expect(record.maps[1].map == Self.record.maps[1].map)
        let line = try #require(reads.ranges.first)
        #expect(reads.ranges == [line] && facts[line.upperBound] == 0x0A && !facts[line].contains(0x0A))
        #expect(line.lowerBound > 0, "the second map's line, after the first's")
        // A file that cannot give a line: that map reads as nothing, the other as before.
        let failing = try #require(BuildRecord(decoding: bytes)?.attaching(RangedFile(size: facts.count) { range in
            range == line ? nil : Array(facts[range])
        }))
        #expect(failing.maps.map { $0.map == nil } == [false, true])
        // What decodes every map reads the whole file once, and each map's line from it.
        let before = reads.ranges.count
        let held = RecordedMap.holdingFacts(record.maps)
        #expect(reads.ranges.dropFirst(before) == [0..<facts.count])
        #expect(held.map(\.map) == Self.record.maps.map(\.map) && reads.ranges.count == before + 1)
    }

    /// A record whose line would end where the file does, with no room for its newline, is not the file's.
    @Test func aLineThatRunsToTheFilesEndIsNotTaken() throws {
        let record = { (length: Int) in
            BuildRecord(decoding: Array(("tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\n"
                + "facts\t2\t\\-\t\\-\t\\-\nat\t1\u{1F}0\t1\u{1F}\(length)\nmap\ta.md\tb\t1\n").utf8))
        }
        let file = RangedFile(Array("x\n".utf8))
        #expect(try #require(record(2)).attaching(file) == nil)
        #expect(try #require(record(1)).attaching(file)?.maps.first?.facts == Array("x".utf8)[...])
    }

    private final class ReadLog: @unchecked Sendable {
        private let lock = NSLock()
        private var read: [Range<Int>] = []
        var ranges: [Range<Int>] { lock.withLock { read } }
        func add(_ range: Range<Int>) { lock.withLock { read.append(range) } }
    }

    /// Numbers are written as `String(_:radix:)` writes them (the record of an earlier build of this version reads
    /// back), the largest and negative ones too, and read back as they were.
    @Test func numbersReadBackAsWritten() throws {
        var record = Self.record
        record.inputs = [.init(path: "content/a.md", hash: .max, status: FileStatus(size: 0, modified: -5)),
                         .init(path: "content/b.md", hash: 0, status: FileStatus(size: .max, modified: .min)),
                         .init(path: "tropa.yml", hash: 0xabc, status: nil)]
        record.folderTimes = ["": .max, "a": -1, "b": 0]
        let decoded = try Self.readBack(record)
        #expect(decoded.inputs == record.inputs && decoded.folderTimes == record.folderTimes)
        let text = String(decoding: try #require(Self.encoded(record)).record, as: UTF8.self)
        #expect(text.contains("\ninput\tcontent/a.md\tffffffffffffffff\t0\t-5\n"))
        #expect(text.contains("\ninput\tcontent/b.md\t0\t\(Int.max)\t\(Int64.min)\n"))
        #expect(text.contains("\ninput\ttropa.yml\tabc\t\\-\t\\-\n"))
        #expect(text.contains("\nfolders\t3\u{1F}\u{1F}a\u{1F}b\t3\u{1F}\(Int64.max)\u{1F}-1\u{1F}0\n"))
    }

    /// A map's folder is read from its slug; its files' names only when asked for, those in a folder of its own
    /// (a history page) by that folder.
    @Test func aMapsFilesAreFoundByTheirFolders() throws {
        var record = Self.record
        record.maps = [RecordedMap(Self.map("content/a.md", files: ["index.html", "journey.csv"]), reachBound: nil),
                       RecordedMap(Self.map("content/b.md", files: ["index.html", "history/index.html"]), reachBound: nil)]
        let folders = try #require(record.outputFolders)
        #expect(folders.map(\.path) == ["", "_tropa", "a", "b", "b/history"])
        #expect(folders.map(\.names) == [["index.html"], ["style.css"], ["index.html", "journey.csv"], ["index.html"], ["index.html"]])
        #expect(folders.map(\.count) == [1, 1, 2, 1, 1])
        #expect(record.outputFiles == ["index.html", "_tropa/style.css", "a/index.html", "a/journey.csv", "b/index.html",
                                       "b/history/index.html"])
    }

    /// The bound of what gets through a map, which sorts the dashboard, is in its outline as it was computed,
    /// read back exactly; a line whose bound is not a number is damaged.
    @Test func theBoundOfWhatGetsThroughReadsBackInTheOutline() throws {
        let bound = 100.0 * 0.37 * 0.61 * 0.0123
        let recorded = RecordedMap(Self.map("content/a.md"), reachBound: bound)
        #expect(recorded.outline?.reachBound == bound)
        #expect(recorded.outline?.title == "Карта")
        #expect(RecordedMap(Self.map("content/a.md"), reachBound: nil).outline.map { $0.reachBound == nil } == true)
        let text = String(decoding: recorded.line, as: UTF8.self)
        #expect(text.contains("\t\(bound)\t"))
        let damaged = text.replacingOccurrences(of: "\t\(bound)\t", with: "\tмного\t")
        #expect(try #require(RecordedMap(line: Array(damaged.utf8)[...])).outline == nil)
        // A field more or fewer: no outline, though the path and the files still read.
        for line in [text + "\tещё", text.replacingOccurrences(of: "\t\(bound)\t", with: "\t")] {
            let map = try #require(RecordedMap(line: Array(line.utf8)[...]))
            #expect(map.path == "content/a.md" && map.outline == nil)
        }
    }

    /// A map whose list of files is not as long as its count says is a damaged record: the build is a full one.
    @Test func aListOfFilesShorterThanItsCountIsDamaged() throws {
        var record = Self.record
        let whole = RecordedMap(Self.map("content/a.md", files: ["index.html", "journey.csv"]), reachBound: nil)
        let text = String(decoding: whole.line, as: UTF8.self)
        #expect(text.hasSuffix("\t2\u{1F}index.html\u{1F}journey.csv"))
        record.maps = [whole]
        #expect(record.outputFolders?.count == 3)
        let short = text.replacingOccurrences(of: "\t2\u{1F}index.html", with: "\t3\u{1F}index.html")
        record.maps = [try #require(RecordedMap(line: Array(short.utf8)[...]))]
        #expect(record.outputFolders == nil && record.outputFiles == nil)
    }

    /// An input whose status is the recorded one keeps the recorded hash without being read, found by its place
    /// or, once files came or went, by its path; any other is read and hashed.
    @Test func theSnapshotTakesTheRecordedHashOfAnUnchangedInput() throws {
        let site = MemoryFileSystem(files: ["s/new.md": "новый", "s/a.md": "а", "s/b.md": "бб", "s/c.md": "ввв"])
        let paths = ["a.md", "b.md", "c.md"]
        let statuses = site.statuses(of: paths, in: "s")
        var record = Self.record
        // The recorded hash is not the file's: it is the one kept when the file is not read.
        record.inputs = zip(paths, statuses).map { path, status in
            BuildRecord.Input(path: path, hash: 42, status: path == "c.md" ? FileStatus(size: 1, modified: 0) : status)
        }
        func hash(_ text: String) -> UInt64 {
            var hasher = FNV1a()
            hasher.combine(Array(text.utf8))
            return hasher.value
        }
        let inPlace = try InputSnapshot.take(paths, record: record, root: "s", reader: site).inputs
        #expect(inPlace.map(\.hash) == [42, 42, hash("ввв")])
        let moved = try InputSnapshot.take(["new.md", "missing.md"] + paths, record: record, root: "s", reader: site).inputs
        #expect(moved.map(\.path) == ["new.md"] + paths)
        #expect(moved.map(\.hash) == [hash("новый"), 42, 42, hash("ввв")])
    }

    /// Without a record the maps are not read for their hashes: their visits give them, and a map no visit gave one
    /// is recorded without a status (the next build reads it again).
    @Test func aFirstBuildLeavesTheMapsHashesToTheirVisits() throws {
        let site = MemoryFileSystem(files: ["s/tropa.yml": "language: ru\n", "s/a.md": "а", "s/b.md": "бб"])
        func hash(_ text: String) -> UInt64 {
            var hasher = FNV1a()
            hasher.combine(Array(text.utf8))
            return hasher.value
        }
        let paths = ["tropa.yml", "a.md", "b.md"]
        let first = try InputSnapshot.take(paths, record: nil, maps: ["a.md", "b.md"], root: "s", reader: site)
        #expect(first.inputs.map(\.hash) == [hash("language: ru\n"), 0, 0])
        #expect(first.leavesHashes)
        // A map no visit hashed is kept without a status: the next build reads it again.
        let recorded = first.recorded(before: .max, hashes: ["a.md": hash("а"), "c.md": 1])
        #expect(recorded.map(\.path) == ["tropa.yml", "a.md", "b.md"])
        #expect(recorded.map(\.hash) == [hash("language: ru\n"), hash("а"), 0])
        #expect(recorded.map { $0.status != nil } == [true, true, false])
        // With a record, a map whose status is not the recorded one is read here.
        var record = Self.record
        record.inputs = []
        let later = try InputSnapshot.take(paths, record: record, maps: ["a.md", "b.md"], root: "s", reader: site)
        #expect(later.inputs.map(\.hash) == [hash("language: ru\n"), hash("а"), hash("бб")])
        #expect(!later.leavesHashes)
        #expect(later.recorded(before: nil, hashes: [:]).count == 3)
    }

    /// The outlines made when the facts are attached are each map's own, a damaged line's none.
    @Test func theOutlinesAreTheMapsOwn() throws {
        var record = Self.record
        record.maps.append(try #require(RecordedMap(line: Array("map\tcontent/c.md\tc".utf8)[...])))
        let (bytes, facts) = try #require(Self.encoded(BuildRecord(settings: "x", inputs: [], maps: Array(record.maps.prefix(2)))))
        let attached = try #require(BuildRecord(decoding: bytes)?.attaching(RangedFile(facts)))
        #expect(attached.outlines.map { $0?.path } == ["content/a.md", "content/b.md"])
        #expect(attached.outlines.map { $0?.slug } == ["a", "b"])
        #expect(record.outlines.map { $0?.path } == ["content/a.md", "content/b.md", nil])
    }

    /// The smallest record that reads, which each damaged one above differs from in one line.
    @Test func theSmallestRecordReads() throws {
        let text = "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t1\u{1F}a\t1\u{1F}7\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n"
        let record = try #require(BuildRecord(decoding: Array(text.utf8)))
        #expect(record.folderTimes == ["a": 7])
        #expect(record.inputs.isEmpty && record.maps.isEmpty)
        // With an input, its five fields; `\\-` for a status not known.
        let withInput = try #require(BuildRecord(decoding: Array((text + "input\tb.md\tff\t\\-\t\\-\n").utf8)))
        #expect(withInput.inputs == [.init(path: "b.md", hash: 255, status: nil)])
        #expect(record.factsSize == 0)
        #expect(record.measurements == [:])
    }

    /// The measurements the maps name are decoded when asked for: a line whose lists disagree reads as a record
    /// whose measurements are not known, which an update does not take.
    @Test func measurementsThatCannotBeReadAreNone() throws {
        let text = "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t2\u{1F}a.md\u{1F}b.md\t1\u{1F}m.csv\n"
            + "warned\t0\t0\nfolders\t0\t0\nfacts\t0\t\\-\t\\-\t\\-\nat\t0\t0\n"
        let record = try #require(BuildRecord(decoding: Array(text.utf8)))
        #expect(record.measurements == nil)
        #expect(throws: RecordDamaged.self) { try Reuse.record(record, changed: []).recordedMeasurements() }
        let read = text.replacingOccurrences(of: "2\u{1F}a.md\u{1F}b.md\t1\u{1F}m.csv", with: "1\u{1F}a.md\t1\u{1F}m.csv")
        #expect(BuildRecord(decoding: Array(read.utf8))?.measurements == ["a.md": "m.csv"])
    }

    /// A build with nothing changed reads the record alone: each map's path, whether it was built and its files,
    /// never its facts, which are not there until the facts file is attached.
    @Test func aRecordReadsWithoutItsFacts() throws {
        let (bytes, facts) = try #require(Self.encoded(Self.record))
        let record = try #require(BuildRecord(decoding: bytes))
        #expect(record.factsSize == facts.count)
        #expect(record.maps.map(\.path) == ["content/a.md", "content/b.md"])
        #expect(record.maps.allSatisfy { $0.built })
        #expect(record.outputFiles == ["index.html", "_tropa/style.css", "a/index.html", "b/index.html"])
        #expect(record.maps.allSatisfy { $0.facts == nil && $0.map == nil })
        // Without its facts, a record is not written again: a build that kept it would lose them.
        #expect(Self.encoded(record)?.record == nil)
        #expect(record.attaching(RangedFile(facts))?.maps.map(\.map) == Self.record.maps.map(\.map))
        // The stages are in the facts alone; the outline the comparisons are told from is in the record.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("3\u{1F}a\u{1F}b\u{1F}c") && String(decoding: facts, as: UTF8.self).contains("3\u{1F}a\u{1F}b\u{1F}c"))
        #expect(record.maps.map(\.outline) == Self.record.maps.map { $0.map?.shown.outline })
    }

    /// Facts of another size, or another count of lines, are not the record's; a line of the same size but other
    /// bytes (edited, or another build's) is found when it is decoded, and only that map reads as nothing.
    @Test func factsThatAreNotTheRecordsAreNotTaken() throws {
        let (bytes, facts) = try #require(Self.encoded(Self.record))
        let record = try #require(BuildRecord(decoding: bytes))
        #expect(record.attaching(RangedFile(Array(facts.dropLast()))) == nil)
        #expect(record.attaching(RangedFile(facts + [0x0A])) == nil)
        #expect(record.attaching(RangedFile([])) == nil)
        // Both lines in one, the same size: each map's line is read from where the record says it is, and is its own.
        let joined = facts.split(separator: 0x0A).joined(separator: [0x09]) + [0x0A]
        #expect(joined.count == facts.count && record.attaching(RangedFile(Array(joined)))?.maps.map { $0.map == nil } == [false, false])
        let edited = Array(String(decoding: facts, as: UTF8.self).replacingOccurrences(of: "Карта\t", with: "Карту\t",
                                                                                         options: .anchored).utf8)
        #expect(edited.count == facts.count && edited != facts)
        let attached = try #require(record.attaching(RangedFile(edited)))
        #expect(attached.maps.map { $0.map == nil } == [true, false])
        // Facts of the same size in another order: each line is checked against its own map's hash.
        var titled = Self.record
        titled.maps = [RecordedMap(Self.map("content/a.md", title: "Первая"), reachBound: nil), RecordedMap(Self.map("content/b.md", title: "Вторая"), reachBound: nil)]
        let (titledBytes, titledFacts) = try #require(Self.encoded(titled))
        let reversed = Array(titledFacts.split(separator: 0x0A).reversed().joined(separator: [0x0A])) + [0x0A]
        #expect(reversed.count == titledFacts.count)
        let swapped = try #require(BuildRecord(decoding: titledBytes)?.attaching(RangedFile(reversed)))
        #expect(swapped.maps.map { $0.map == nil } == [true, true])
    }

    @Test func linesAreSplitAtEachNewlineAndEmptyOnesLeftOut() {
        let lines = { (text: String) in BuildRecord.lines(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) } }
        #expect(lines("a\n\nbc\nd") == ["a", "bc", "d"])
        #expect(lines("\nкарта\tx\n\n") == ["карта\tx"])
        #expect(lines("") == [])
        #expect(lines("\n\n") == [])
    }

    /// A figure whose range is damaged (low above high, one end missing) or whose number holds an escape's backslash
    /// reads as nothing, never a trap.
    @Test(arguments: ["0 conversion 35 40 30 - %", "0 conversion 35 30 - - %", "0 conversion 35 - 30 - %",
                      "0 conversion 3\\5 30 40 - %", "0 conversion 35 30 40 4\\t5 %", "0 conversion \\- 30 40 - %"])
    func aDamagedFigureIsReadAsNothing(_ figure: String) throws {
        var fields = Self.fields(Self.map("content/a.md"))
        fields[23] = "1\u{1F}" + figure
        #expect(Self.recorded(fields)?.map == nil)
        fields[23] = "1\u{1F}0 conversion 35 30 40 45 %"
        let read = Self.recorded(fields)?.map
        #expect(read?.facts.stages.first?.figures.conversion == Figure(value: 35, unit: .percent, range: 30...40, target: 45))
    }

    /// What the plan shows of a map is read from its line without the rest: the same as its whole entry shows, its
    /// figures other than the conversion left unread; from a damaged line, nothing.
    @Test func thePlanReadsItsPartOfALineAlone() throws {
        var map = Self.map("content/a.md", title: "Оплата «в один шаг»")
        map.facts.stages = [
            StageFacts(name: "Вход", figures: [.conversion: Figure(value: 35.5, unit: .percent, target: 45),
                                               .nps: Figure(value: -20, unit: .plain)]),
            StageFacts(name: "Оплата", figures: [.conversion: Figure(value: 12, unit: .percent)], branch: "Онлайн"),
            StageFacts(name: "Оплата", branch: "Офлайн"),
        ]
        map.facts.flow = StageGraph(starts: [0], next: [[1, 2], [], []])
        // The plan averages the first curve.
        map.facts.emotions = [EmotionSeries(points: [(0, -2.0), (0, 1.0), (2, 0.5)].map { EmotionSeries.Point(stage: $0, score: $1, label: "x") }),
                              EmotionSeries(points: [EmotionSeries.Point(stage: 1, score: 3, label: "")])]
        map.facts.actions = [
            PlanAction(stage: 1, kind: "Сайт", owner: "product", text: RichText(html: "<em>Один</em> шаг", plain: "Один шаг")),
            PlanAction(stage: 2, kind: nil, owner: nil, text: RichText(html: "Касса\tв\\зале", plain: "Касса")),
        ]
        let planned = try #require(RecordedMap(map, reachBound: nil).planned)
        let entry = SitePageEntry(map.facts, built: true)
        #expect(planned.slug == "a" && planned.slug == entry.slug && planned.title == entry.title)
        #expect(planned.actions == map.facts.actions)
        #expect(planned.stages.map(\.displayName) == ["Вход", "Оплата (Онлайн)", "Оплата (Офлайн)"])
        #expect(planned.stages.map(\.figures.conversion) == entry.stages.map(\.figures.conversion))
        #expect(planned.stages.map(\.figures.nps) == [nil, nil, nil])
        #expect(planned.stageEmotions == [-0.5, nil, 0.5] && planned.stageEmotions == entry.stageEmotions)
        #expect(planned.stageAnchors.count == 3 && planned.stageAnchors == entry.stageAnchors)
        var fields = Self.fields(map)
        fields[23] = "1\u{1F}0 conversion 35 40 30 - %"
        #expect(Self.recorded(fields)?.planned == nil)
        // An action's stage past what a map's actions keep (32 bits) is a damaged line, read as nothing.
        fields = Self.fields(map)
        #expect(fields[15] == "2\u{1F}1\u{1F}2")
        for stage in ["3000000000", "9223372036854775807"] {
            fields[15] = "2\u{1F}" + stage + "\u{1F}2"
            #expect(Self.recorded(fields)?.planned == nil)
            #expect(Self.recorded(fields)?.map == nil)
        }
    }

    /// A map's line is read in full only when it is needed; a damaged one then reads as nothing.
    @Test func aDamagedMapLineIsReadAsNothing() throws {
        let text = "tropa build record 21\nsettings\tx\nsite\t0\nlinked\t0\ntargets\t0\nmeasured\t0\t0\nwarned\t0\t0\nfolders\t0\t0\nfacts\t2\t\\-\t\\-\t\\-\nat\t1\u{1F}0\t1\u{1F}1\nmap\ta.md\tb\t1\n"
        let record = try #require(BuildRecord(decoding: Array(text.utf8)))
        #expect(record.maps.map(\.path) == ["a.md"])
        #expect(record.outputFiles == nil)
        let attached = try #require(record.attaching(RangedFile(Array("x\n".utf8))))
        #expect(attached.maps.first?.facts != nil && attached.maps.first?.map == nil)
        #expect(Self.recorded(["map", "a.md"]) == nil)
    }

    /// A line damaged in its emotion points or list counts is read as nothing (then the build is a full one), never
    /// a crash.
    @Test(arguments: ["-1 0 1.0 x", "5 0 1.0 x", "0 9 1.0 x", "0 0 nan? x"])
    func aDamagedEmotionPointIsReadAsNothing(_ point: String) throws {
        var fields = Self.fields(Self.map("content/a.md"))
        fields[24] = "1\u{1F}" + point
        let damaged = Self.recorded(fields)
        #expect(damaged?.path == "content/a.md")
        #expect(damaged?.map == nil)
        fields[24] = "9223372036854775807\u{1F}" + point
        #expect(Self.recorded(fields)?.map == nil)
    }

    @Test func thePlanFollowsWhatChanged() {
        let inputs = Self.record.inputs
        let settings = Self.record.settings
        #expect(Self.record.plan(for: inputs, settings: settings) == .upToDate)
        var changedMap = inputs
        changedMap[1].hash = 20
        #expect(Self.record.plan(for: changedMap, settings: settings) == .update(["content/b.md"], changed: 1))
        var changedTemplate = changedMap
        changedTemplate[2].hash = 30
        #expect(Self.record.plan(for: changedTemplate, settings: settings) == .full)
        #expect(Self.record.plan(for: inputs, settings: "tropa test --drafts") == .full)
        #expect(Self.record.plan(for: inputs.dropLast() + [], settings: settings) == .full)
        let added = inputs + [BuildRecord.Input(path: "content/c.md", hash: 4, status: nil)]
        #expect(Self.record.plan(for: added, settings: settings) == .full)
        // After a build with warnings, the maps they are in are read again: with the changed ones, or alone.
        var warned = Self.record
        (warned.warnedMaps, warned.diagnosticCount) = (["content/a.md"], 2)
        #expect(warned.plan(for: inputs, settings: settings) == .report(["content/a.md"]))
        #expect(warned.plan(for: changedMap, settings: settings) == .update(["content/a.md", "content/b.md"], changed: 1))
        #expect(warned.plan(for: changedTemplate, settings: settings) == .full)
        // A warning in no map (a persona's) runs the pipeline with no map to read.
        warned.warnedMaps = []
        #expect(warned.plan(for: inputs, settings: settings) == .report([]))
    }

    /// A measurements file changed is read again with the maps that name it, in an update; a file no map names is a
    /// full build, as is any file when the record cannot tell which map names it.
    @Test func aChangedMeasurementsFileReadsTheMapsThatNameIt() {
        var record = Self.record
        record.inputs += [BuildRecord.Input(path: "content/m.csv", hash: 5, status: nil),
                          BuildRecord.Input(path: "content/other.csv", hash: 6, status: nil)]
        record.measurements = ["content/a.md": "content/m.csv", "content/b.md": "content/m.csv"]
        let settings = record.settings
        var measured = record.inputs
        measured[3].hash = 50
        #expect(record.plan(for: measured, settings: settings) == .update(["content/a.md", "content/b.md"], changed: 2))
        measured[1].hash = 20
        #expect(record.plan(for: measured, settings: settings) == .update(["content/a.md", "content/b.md"], changed: 2),
                "a map changed with its measurements is read once")
        var other = record.inputs
        other[4].hash = 60
        #expect(record.plan(for: other, settings: settings) == .full)
        record.measurements = nil
        #expect(record.plan(for: measured, settings: settings) == .full)
    }

    /// A file changed within a second of the build's own clock may change again unseen: it is hashed next time.
    @Test func recentStatusesAreNotTrusted() {
        let snapshot = InputSnapshot(inputs: Self.record.inputs)
        let second: Int64 = 1_000_000_000
        #expect(snapshot.recorded(before: 100 + second, hashes: [:]).map(\.status) == [nil, nil, FileStatus(size: 5, modified: 7)])
        #expect(snapshot.recorded(before: 200 + second, hashes: [:]).map(\.status)
                == [FileStatus(size: 10, modified: 100), nil, FileStatus(size: 5, modified: 7)])
        #expect(snapshot.recorded(before: nil, hashes: [:]).allSatisfy { $0.status == nil })
    }
}
