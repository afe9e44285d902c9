import Foundation
import Testing
@testable import TropaOutput

/// The one CSV writer: a byte-order mark, quoting a spreadsheet reads back, and no cell it would run as a formula.
@Suite struct SpreadsheetCSVTests {
    @Test func quotesWhatNeedsQuotingAndStartsWithAByteOrderMark() {
        let text = SpreadsheetCSV.text(rows: [["Слой", "Оплата, доставка"], ["список", "один\nдва \"три\""]])
        #expect(text == "\u{FEFF}Слой,\"Оплата, доставка\"\r\nсписок,\"один\nдва \"\"три\"\"\"\r\n")
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
        let text = SpreadsheetCSV.text(rows: [["\"\u{301}", ",\u{301}", "\n\u{301}"], [], ["x"]])
        #expect(text == "\u{FEFF}\"\"\"\u{301}\",\",\u{301}\",\"\n\u{301}\"\r\n\r\nx\r\n")
    }

    @Test func noRowsIsJustTheMark() {
        #expect(SpreadsheetCSV.text(rows: []) == "\u{FEFF}")
    }

    /// Rows written anew into a file as `text` wrote it come out as `text` writes the changed rows, the others byte
    /// for byte; a line break inside quotes is inside its row; a row the file does not have, or that is not as it
    /// was said to be, is nil.
    @Test func replacedRowsAreAsIfTheWholeFileWereWrittenAgain() throws {
        let rows = [["Вид", "Действие"], ["Сайт", "один\nдва, \"три\""], ["SMM", "посты"], ["", "=звонок"], ["Сайт", "баннер"]]
        let file = Array(SpreadsheetCSV.text(rows: rows).utf8)
        let changed = [1: ["Сайт", "ещё\r\nраз"], 3: ["", "-звонок"]]
        let were = [1: rows[1], 3: rows[3]]
        var expected = rows
        for (row, cells) in changed { expected[row] = cells }
        let replaced = try #require(SpreadsheetCSV.replacingRows(in: file, rows: changed, were: were))
        #expect(replaced == Array(SpreadsheetCSV.text(rows: expected).utf8))
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [:], were: [:]) == file)
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [4: ["Сайт", "плакат"]], were: [4: rows[4]]).map { String(decoding: $0, as: UTF8.self) }
                == SpreadsheetCSV.text(rows: Array(rows.prefix(4)) + [["Сайт", "плакат"]]))
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [5: ["лишняя"]], were: [5: ["лишняя"]]) == nil)
        // A row not as it was said to be: another file, or rows moved.
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [2: ["SMM", "ролики"]], were: [2: ["SMM", "постер"]]) == nil)
        #expect(SpreadsheetCSV.replacingRows(in: file, rows: [2: ["SMM", "ролики"]], were: [2: rows[4]]) == nil)
    }
}
