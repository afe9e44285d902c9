import Foundation
import Testing
@testable import TropaModel
import TropaTesting

/// A patch that leaves most of its file where it was becomes an edit of the file where it is: pieces written over
/// it at their offsets, and the file cut or extended to its new size. Applied, it gives the patch's file; applied
/// again, or over a file it was half applied to, the same.
@Suite struct FileEditTests {
    private static let file = (0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 251) }

    private static func patched(_ patch: FilePatch) -> [UInt8] {
        patch.applied(to: RangedFile(file))!
    }

    /// A figure changed in one row: one piece, of the row's new bytes, where the row is.
    @Test func aChangeOfTheSameLengthIsOnePieceWhereItIs() throws {
        let patch = FilePatch(parts: [.kept(0..<1_000), .new(Array("38 %".utf8)), .kept(1_004..<4_000)], of: 4_000)
        let edit = try #require(patch.edit(of: RangedFile(Self.file)))
        #expect(edit == FileEdit(pieces: [FileEdit.Piece(offset: 1_000, bytes: Array("38 %".utf8))], size: 4_000))
        #expect(edit.applied(to: Self.file) == Self.patched(patch))
    }

    /// A row moved down: the rows between move up by its length, and are written with it; what is before and after
    /// is left.
    @Test func aRowMovedWritesTheRowsBetweenOnly() throws {
        let patch = FilePatch(parts: [.kept(0..<1_000), .kept(1_100..<1_600), .kept(1_000..<1_100), .kept(1_600..<4_000)],
                              of: 4_000)
        let edit = try #require(patch.edit(of: RangedFile(Self.file)))
        #expect(edit.pieces.map(\.offset) == [1_000] && edit.pieces.map(\.bytes.count) == [600] && edit.size == 4_000)
        #expect(edit.applied(to: Self.file) == Self.patched(patch))
    }

    /// A change of length shifts the rest of the file: written from the change to the end, and the file cut short
    /// or made longer.
    @Test func aChangeOfLengthWritesTheRestOfTheFile() throws {
        let shorter = FilePatch(parts: [.kept(0..<3_500), .new([1, 2]), .kept(3_510..<4_000)], of: 4_000)
        let cut = try #require(shorter.edit(of: RangedFile(Self.file)))
        #expect(cut.pieces.map(\.offset) == [3_500] && cut.pieces[0].bytes.count == 492 && cut.size == 3_992)
        #expect(cut.applied(to: Self.file) == Self.patched(shorter))
        let longer = FilePatch(parts: [.kept(0..<3_900), .new(Array(repeating: 9, count: 150)), .kept(3_900..<4_000)], of: 4_000)
        let grown = try #require(longer.edit(of: RangedFile(Self.file)))
        #expect(grown.pieces.map(\.offset) == [3_900] && grown.size == 4_150)
        #expect(grown.applied(to: Self.file) == Self.patched(longer))
    }

    /// More than a quarter of the file to write: a new file instead. A kept part the file does not hold: no edit.
    @Test func anEditOfMoreThanAQuarterOrOfBytesNotThereIsNone() {
        let early = FilePatch(parts: [.kept(0..<2_000), .new([1, 2]), .kept(2_001..<4_000)], of: 4_000)
        #expect(early.edit(of: RangedFile(Self.file)) == nil, "a byte more shifts the 1,999 after it")
        let wide = FilePatch(parts: [.kept(0..<1_000), .kept(2_001..<4_000), .kept(1_000..<2_001)], of: 4_000)
        #expect(wide.edit(of: RangedFile(Self.file)) == nil)
        let within = FilePatch(parts: [.kept(0..<3_100), .new([1, 2]), .kept(3_101..<4_000)], of: 4_000)
        #expect(within.edit(of: RangedFile(Self.file))?.pieces.map(\.bytes.count) == [901], "a byte more shifts the 899 after it")
        let beyond = FilePatch(parts: [.kept(0..<3_000), .kept(3_100..<4_100), .kept(3_000..<3_100)], of: 4_000)
        #expect(beyond.edit(of: RangedFile(Self.file)) == nil)
    }

    /// Random patches of rows taken out, put elsewhere and changed: every edit gives the patch's file, from the file
    /// as it was or from it with the edit's pieces half written.
    @Test func everyEditGivesThePatchesFileAgainAndAgain() throws {
        var generator = SeededGenerator(seed: 21)
        var made = 0
        for _ in 0..<300 {
            let rows = stride(from: 0, to: 4_000, by: 40).map { $0..<($0 + 40) }
            var parts = rows.map(FilePatch.Part.kept)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let from = Int.random(in: 0..<parts.count, using: &generator)
                let row = parts.remove(at: from)
                let to = min(parts.count, max(0, from + Int.random(in: -4...4, using: &generator)))
                let changed = Bool.random(using: &generator) ? FilePatch.Part.new(Array(repeating: 1, count: Int.random(in: 35...45, using: &generator))) : row
                parts.insert(changed, at: to)
            }
            let patch = FilePatch(parts: parts, of: 4_000)
            guard let edit = patch.edit(of: RangedFile(Self.file)) else { continue }
            made += 1
            let expected = Self.patched(patch)
            #expect(edit.applied(to: Self.file) == expected)
            #expect(edit.applied(to: edit.applied(to: Self.file)) == expected)
            let half = FileEdit(pieces: Array(edit.pieces.prefix(edit.pieces.count / 2)), size: edit.size)
            #expect(edit.applied(to: half.applied(to: Self.file)) == expected)
            #expect(FileEdit(decoding: edit.encoded) == edit)
        }
        #expect(made > 100, "most such patches are edits")
    }

    /// A patch that would write more than a quarter of its file reads none of it: a card moved across a tag's page
    /// shifts most of the page, and was read up to that quarter before the edit was given up.
    @Test func anEditGivenUpReadsNothing() {
        let reads = ReadCounter()
        let file = RangedFile(size: 4_000) { range in
            reads.add()
            return Array(Self.file[range])
        }
        // Two small parts moved first: reading as it counted, it read them before it gave up.
        let moved = FilePatch(parts: [.kept(0..<10), .kept(20..<30), .kept(10..<20), .kept(1_100..<4_000), .kept(30..<1_100)],
                              of: 4_000)
        #expect(moved.edit(of: file) == nil)
        #expect(reads.count == 0)
        let row = FilePatch(parts: [.kept(0..<1_000), .kept(1_100..<1_600), .kept(1_000..<1_100), .kept(1_600..<4_000)], of: 4_000)
        #expect(row.edit(of: file)?.applied(to: Self.file) == Self.patched(row))
        #expect(reads.count == 2, "the two parts that move")
    }

    /// A file made again as an edit of the one it replaces: the bytes between their common start and common end when
    /// they are of one size, else all after their common start; none when they are alike. Applied to the earlier
    /// file, it gives the new one.
    @Test func aFileMadeAgainIsAnEditOfItsDifference() {
        let earlier = Array("<p>NPS: 31</p><p>Конверсия: 40 %</p>".utf8)
        for (text, offset, count) in [("<p>NPS: 35</p><p>Конверсия: 40 %</p>", 9, 1), ("<p>NPS: 31</p><p>Конверсия: 4 %</p>", 38, 6),
                                      ("<p>NPS: 31</p><p>Конверсия: 40 %</p><p>+</p>", 45, 8), ("<b>", 1, 2), ("", 0, 0)] {
            let bytes = Array(text.utf8)
            let edit = FileEdit(making: bytes, of: earlier)
            #expect(edit.applied(to: earlier) == bytes, "\(text)")
            #expect(edit.pieces.map(\.offset) == (count == 0 ? [] : [offset]) && edit.pieces.map(\.bytes.count) == (count == 0 ? [] : [count]),
                    "\(text): \(edit.pieces.map { ($0.offset, $0.bytes.count) })")
        }
        #expect(FileEdit(making: earlier, of: earlier) == FileEdit(pieces: [], size: earlier.count))
        #expect(FileEdit(making: earlier, of: []) == FileEdit(pieces: [FileEdit.Piece(offset: 0, bytes: earlier)], size: earlier.count))
    }

    /// What `encoded` wrote reads back; anything else, or it cut short, does not.
    @Test func anEditReadsBackOnlyAsItWasWritten() throws {
        let edit = FileEdit(pieces: [FileEdit.Piece(offset: 3, bytes: Array("новое\n".utf8)), FileEdit.Piece(offset: 40, bytes: [])],
                            size: 50)
        let bytes = edit.encoded
        #expect(String(decoding: bytes.prefix(18), as: UTF8.self) == "tropa edit 1 50 2\n")
        #expect(FileEdit(decoding: bytes) == edit)
        #expect(FileEdit(decoding: FileEdit(pieces: [], size: 0).encoded) == FileEdit(pieces: [], size: 0))
        for cut in 1..<bytes.count { #expect(FileEdit(decoding: Array(bytes.prefix(cut))) == nil, "cut at \(cut)") }
        #expect(FileEdit(decoding: bytes + [0]) == nil)
        #expect(FileEdit(decoding: Array("tropa edit 2 50 0\n".utf8)) == nil)
        #expect(FileEdit(decoding: Array("tropa edit 1 5 1\n3 4\nabcd".utf8)) == nil, "beyond the size")
        #expect(FileEdit(decoding: Array("tropa edit 1 9 2\n3 4\n5 1\nabcde".utf8)) == nil, "overlapping")
        #expect(FileEdit(decoding: Array("tropa edit 1 9 99999999999999999999\n".utf8)) == nil)
        #expect(FileEdit(decoding: Array("tropa edit 1 9223372036854775807 1\n9223372036854775807 9223372036854775807\nx".utf8)) == nil,
                "an offset and a length whose sum overflows")
    }
}

/// Counts the reads of a file, on any thread.
private final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var reads = 0

    func add() { lock.withLock { reads += 1 } }
    var count: Int { lock.withLock { reads } }
}

/// A generator that gives the same numbers for the same seed (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
