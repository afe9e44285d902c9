import Foundation
import Testing
import Synchronization
import TropaModel
@testable import TropaOutput

/// The one CSV writer: a byte-order mark, quoting a spreadsheet reads back, and no cell it would run as a formula.
@Suite struct SpreadsheetCSVTests {
    @Test func quotesWhatNeedsQuotingAndStartsWithAByteOrderMark() {
        let text = Self.text(rows: [["Слой", "Оплата, доставка"], ["список", "один\nдва \"три\""]])
        #expect(text == "\u{FEFF}Слой,\"Оплата, доставка\"\r\nсписок,\"один\nдва \"\"три\"\"\"\r\n")
    }

    /// A field is quoted when a quote, comma or line break is anywhere in it, at every place of a word of text, and
    /// each of its quotes is doubled; a field without one is written as it is.
    @Test func eachSignAtEveryPlaceQuotesTheField() {
        for filler in ["abcdefghijklmnopq", "Путь клиента"] {
            for sign in ["\"", ",", "\r", "\n", ";", "'", "#"] {
                // From the second byte on: a cell led by a carriage return is neutralised first.
                for place in 1...16 {
                    let field = String(filler.prefix(place)) + sign + String(filler.dropFirst(place)) + "\"" + sign
                    let expected = "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    #expect(Self.text(rows: [[field]]) == "\u{FEFF}" + expected + "\r\n")
                    let plain = String(filler.prefix(place)) + sign + String(filler.dropFirst(place))
                    let quoted = ["\"", ",", "\r", "\n"].contains(sign)
                    #expect(Self.text(rows: [[plain]]) == "\u{FEFF}" + (quoted ? "\"" + plain.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : plain) + "\r\n")
                }
            }
        }
    }

    @Test(arguments: [
        ("=1+2", "'=1+2"), ("@SUM(A1)", "'@SUM(A1)"), ("+cmd", "'+cmd"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("-1+1+cmd|x", "'-1+1+cmd|x"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-", "'-"),
        ("-5", "-5"), ("+7 %", "+7 %"), ("-2,5", "-2,5"), ("a=1", "a=1"), ("", ""), ("5", "5"),
    ])
    func formulaLookingCellsAreText(_ cell: String, _ written: String) {
        #expect(SpreadsheetCSV.neutralised(cell) == written)
    }

    /// Quoting looks at bytes: a quote, comma or line break followed by a combining mark (one character with it)
    /// is quoted all the same; an empty row is a line of its own.
    @Test func quotesByBytesAndKeepsEmptyRows() {
        let text = Self.text(rows: [["\"\u{301}", ",\u{301}", "\n\u{301}"], [], ["x"]])
        #expect(text == "\u{FEFF}\"\"\"\u{301}\",\",\u{301}\",\"\n\u{301}\"\r\n\r\nx\r\n")
    }

    /// The file in parts is the header and each run's rows, as `text` writes them all, in the order given; a run
    /// is made when its part is read.
    @Test func partsAreTheTextOfTheHeaderAndEachRun() {
        let header = ["вид", "действие"]
        let runs: [[[String]]] = [[["Сайт", "=1+2"], ["SMM", "пост, «акция»"]], [], [["", "один\nдва"]]]
        let made = Mutex(0)
        let parts = SpreadsheetCSV.parts(header: header, runs: runs.map { run in { made.withLock { $0 += 1 }; return run } })
        #expect(parts.count == 4 && made.withLock { $0 } == 0, "no run made before its part is read")
        #expect(Array(parts.joined()) == SpreadsheetCSV.bytes(rows: [header] + runs.flatMap { $0 }))
        #expect(made.withLock { $0 } == 3)
        #expect(parts[2].isEmpty && String(decoding: parts[0], as: UTF8.self) == "\u{FEFF}вид,действие\r\n")
    }

    @Test func noRowsIsJustTheMark() {
        #expect(Self.text(rows: []) == "\u{FEFF}")
    }

    /// Rows written anew into a file as `bytes` wrote it come out as `bytes` writes the changed rows, the others byte
    /// for byte, however the file is read in parts; a line break inside quotes is inside its row; a row the file
    /// does not have, or that is not as it was said to be, is nil.
    @Test func replacedRowsAreAsIfTheWholeFileWereWrittenAgain() throws {
        let rows = [["Вид", "Действие"], ["Сайт", "один\nдва, \"три\""], ["SMM", "посты"], ["", "=звонок"], ["Сайт", "баннер"]]
        let bytes = SpreadsheetCSV.bytes(rows: rows), file = RangedFile(bytes)
        let changed = [1: ["Сайт", "ещё\r\nраз"], 3: ["", "-звонок"]]
        let were = [1: rows[1], 3: rows[3]]
        var expected = rows
        for (row, cells) in changed { expected[row] = cells }
        // Parts of every size, so that a quote, a line break and a changed row fall on both sides of their ends.
        for chunk in 1...bytes.count + 1 {
            let patch = try #require(SpreadsheetCSV.replacingRows(in: file, rows: changed, were: were, readingBy: chunk))
            #expect(patch.applied(to: file) == SpreadsheetCSV.bytes(rows: expected), "read by \(chunk)")
        }
        let last = SpreadsheetCSV.replacingRows(in: file, rows: [4: ["Сайт", "плакат"]], were: [4: rows[4]], readingBy: 5)
        #expect(last?.applied(to: file).map { String(decoding: $0, as: UTF8.self) }
                == Self.text(rows: Array(rows.prefix(4)) + [["Сайт", "плакат"]]))
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [5: ["лишняя"]], were: [5: ["лишняя"]]) == nil)
        // A row not as it was said to be: another file, or rows moved.
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [2: ["SMM", "ролики"]], were: [2: ["SMM", "постер"]]) == nil)
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [2: ["SMM", "ролики"]], were: [2: rows[4]]) == nil)
        // A file that cannot be read where the rows are.
        let unreadable = RangedFile(size: bytes.count) { _ in nil }
        #expect(SpreadsheetCSV.replacingRows(in: unreadable, rows: changed, were: were) == nil)
        // Applied to the file held in memory (above), read part by part, shorter than a kept part, or unreadable.
        let patch = try #require(SpreadsheetCSV.replacingRows(in: file, rows: changed, were: were))
        #expect(patch.applied(to: RangedFile(size: bytes.count) { Array(bytes[$0]) }) == SpreadsheetCSV.bytes(rows: expected))
        #expect(patch.applied(to: RangedFile(Array(bytes.dropLast()))) == nil)
        #expect(patch.applied(to: unreadable) == nil)
    }

    /// Only the rows that differ are new; the rest of the file is kept as ranges of it, which are not read.
    @Test func aPatchKeepsTheRestOfTheFileAsRangesOfIt() throws {
        let rows = [["Вид", "Действие"], ["Сайт", "форма"], ["SMM", "посты"], ["Сайт", "баннер"]]
        let bytes = SpreadsheetCSV.bytes(rows: rows), file = RangedFile(bytes)
        let secondRow = 3 + Array("Вид,Действие\r\n".utf8).count
        let thirdRow = secondRow + Array("Сайт,форма\r\n".utf8).count
        let patch = try #require(SpreadsheetCSV.replacingRows(in: file, rows: [1: ["Сайт", "заявка"], 3: rows[3]],
                                                              were: [1: rows[1], 3: rows[3]]))
        #expect(patch.parts == [.kept(0..<secondRow), .new(Array("Сайт,заявка\r\n".utf8)), .kept(thirdRow..<bytes.count)])
        #expect(patch.changes)
        let same = try #require(SpreadsheetCSV.replacingRows(in: file, rows: [2: rows[2]], were: [2: rows[2]]))
        #expect(same.parts == [.kept(0..<bytes.count)])
        #expect(!same.changes)
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [:], were: [:])?.parts == [.kept(0..<bytes.count)])
    }

    /// Rows in another order: each row of the new file is a row of the file, kept as a range of it (adjacent ones
    /// one range), or a new one; rows not named are left out. A row named that the file does not have, a changed
    /// row not as it was said to be, or a file whose last row is cut short is nil.
    @Test func movedRowsAreRangesOfTheFileInTheirNewOrder() throws {
        let rows = [["Вид", "Действие"], ["Сайт", "один\nдва"], ["SMM", "посты"], ["Сайт", "баннер"], ["SMM", "ролики"]]
        let bytes = SpreadsheetCSV.bytes(rows: rows), file = RangedFile(bytes)
        // Row 2 changed and moved to the end: rows 3 and 4 go up one.
        let moved = [0, 1, 3, 4, -1], changed = [4: ["SMM", "посты и сторис"]]
        let expected = SpreadsheetCSV.bytes(rows: [rows[0], rows[1], rows[3], rows[4], ["SMM", "посты и сторис"]])
        for chunk in [1, 7, bytes.count + 1] {
            let patch = try #require(SpreadsheetCSV.replacingRows(in: file, rows: changed, were: [2: rows[2]], moved: moved,
                                                                  readingBy: chunk))
            #expect(patch.applied(to: file) == expected && patch.changes, "read by \(chunk)")
            #expect(patch.parts.count == 3)
        }
        let cut = try #require(SpreadsheetCSV.replacingRows(in: file, rows: [:], were: [:], moved: [0, 1]))
        #expect(cut.applied(to: file) == SpreadsheetCSV.bytes(rows: Array(rows.prefix(2))) && cut.changes)
        let same = try #require(SpreadsheetCSV.replacingRows(in: file, rows: [:], were: [:], moved: [0, 1, 2, 3, 4]))
        #expect(same.parts == [.kept(0..<bytes.count)] && !same.changes)
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [:], were: [:], moved: [0, 5]) == nil)
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: changed, were: [2: rows[3]], moved: moved) == nil)
        #expect(SpreadsheetCSV.replacingRows(in: RangedFile(Array(bytes.dropLast())), rows: [:], were: [:], moved: [0, 1]) == nil)
    }

    private static func text(rows: [[String]]) -> String { String(decoding: SpreadsheetCSV.bytes(rows: rows), as: UTF8.self) }
}
