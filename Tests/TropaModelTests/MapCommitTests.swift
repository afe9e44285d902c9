import Testing
@testable import TropaModel

/// A map's commits merged with its measurements file's, in the order of the log they were read from.
struct MapCommitTests {
    static func version(_ commit: String, _ place: Int, path: String = "content/map.md", time: Int? = nil) -> GitVersion {
        GitVersion(commit: commit, time: time ?? 1_000 - place, subject: "subject \(commit)", path: path,
                   bytes: Array(commit.utf8), place: place)
    }

    static func measured(_ commit: String, _ place: Int) -> GitVersion { version(commit, place, path: "content/rows.csv") }

    /// Each commit once, newest first; a commit of the measurements alone carries the map as the commit before it
    /// left it, under its own hash, time and subject; the measurements as each commit left them; commits of the
    /// file before the map's first are left out.
    @Test func commitsOfEitherFileInTheLogsOrder() {
        let map = [Self.version("m5", 1), Self.version("m3", 3), Self.version("m1", 6)]
        let rows = [Self.measured("c4", 2), Self.measured("m3", 3), Self.measured("c2", 5), Self.measured("c0", 7)]
        let commits = MapCommit.timeline(map: map, measurements: rows)
        #expect(commits.map(\.map.commit) == ["m5", "c4", "m3", "c2", "m1"])
        #expect(commits.map(\.map.place) == [1, 2, 3, 5, 6])
        #expect(commits.map { String(decoding: $0.map.bytes, as: UTF8.self) } == ["m5", "m3", "m3", "m1", "m1"])
        #expect(commits.map(\.measurements?.commit) == ["c4", "c4", "m3", "c2", "c0"])
        #expect(commits[1].map.subject == "subject c4" && commits[1].map.time == 998 && commits[1].map.path == "content/map.md")
        #expect(commits.map(\.changesMap) == [true, false, true, false, true])
        #expect(commits.map(\.changesMeasurements) == [false, true, true, true, false])
    }

    /// What a commit's changes are counted from: each file as the commit's parent had it, the one it did not change
    /// as it left it; nothing for a map the commit added.
    @Test func theStateBeforeEachCommit() {
        var map = Self.version("m2", 0)
        (map.blob, map.blobBefore, map.pathBefore) = ("map-2", "map-1", "content/old.md")
        var added = Self.version("m1", 2)
        added.blob = "map-1"
        var rows = Self.measured("c1", 1)
        (rows.blob, rows.blobBefore, rows.pathBefore) = ("rows-1", "rows-0", "content/old.csv")
        let commits = MapCommit.timeline(map: [map, added], measurements: [rows])
        #expect(commits.map { $0.mapBefore?.blob } == ["map-1", "map-1", nil])
        #expect(commits.map { $0.mapBefore?.path } == ["content/old.md", "content/map.md", nil])
        #expect(commits.map { $0.measurementsBefore?.blob } == ["rows-1", "rows-0", nil])
        #expect(commits.map { $0.measurementsBefore?.path } == ["content/rows.csv", "content/old.csv", nil])
    }

    /// The order is the log's, not the commits' times, which may run backwards (a rebased commit).
    @Test func theLogsOrderNotTheClock() {
        let map = [Self.version("new", 0, time: 100), Self.version("old", 2, time: 300)]
        let commits = MapCommit.timeline(map: map, measurements: [Self.version("rows", 1, path: "rows.csv", time: 500)])
        #expect(commits.map(\.map.commit) == ["new", "rows", "old"])
    }

    @Test func noMeasurements() {
        let map = [Self.version("b", 0), Self.version("a", 1)]
        #expect(MapCommit.timeline(map: map, measurements: [])
            == map.map { MapCommit(map: $0, measurements: nil, changesMap: true, changesMeasurements: false) })
        #expect(MapCommit.timeline(map: [], measurements: [Self.measured("c", 0)]).isEmpty)
    }
}
