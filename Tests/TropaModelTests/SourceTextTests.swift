import Testing
@testable import TropaModel
import TropaTesting

/// Files are decoded as UTF-8 (a BOM dropped, CRLF and CR made LF); anything else is `invalid-encoding`.
@Suite struct SourceTextTests {
    static func decode(_ bytes: [UInt8]) -> Result<SourceText, Diagnostic> {
        SourceText.decode(path: "content/map.md", bytes: bytes)
    }

    @Test func utf8IsDecoded() throws {
        let source = try Self.decode(Array("---\ntitle: Карта\n---\n".utf8)).get()
        #expect(source.text == "---\ntitle: Карта\n---\n")
        #expect(source.path == "content/map.md")
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let source = try Self.decode([0xEF, 0xBB, 0xBF] + Array("---\ntitle: Карта".utf8)).get()
        #expect(source.text == "---\ntitle: Карта")
        #expect(source.line(1) == "---")
    }

    @Test func lineEndingsBecomeLF() throws {
        let crlf = try Self.decode(Array("a\r\nб\r\n\r\nc".utf8)).get()
        #expect(crlf.text == "a\nб\n\nc")
        let cr = try Self.decode(Array("a\rб\rc".utf8)).get()
        #expect(cr.text == "a\nб\nc")
        #expect(cr.lineCount == 3)
    }

    @Test func windows1251IsAnErrorAtTheFirstBadByte() {
        // "title: Клиент" in Windows-1251: "К" is 0xCA.
        let bytes = Array("---\ntitle: ".utf8) + [0xCA, 0xEB, 0xE8, 0xE5, 0xED, 0xF2]
        guard case .failure(let diagnostic) = Self.decode(bytes) else {
            Issue.record("Windows-1251 was decoded")
            return
        }
        #expect(Found(diagnostic) == Found(.invalidEncoding, .error, 2, 8))
        #expect(diagnostic.message(in: .en) == "the file is not UTF-8 text")
        #expect(diagnostic.suggestion(in: .en)?.contains("iconv -f cp1251 -t utf-8") == true)
    }

    @Test func theColumnOfABadByteCountsCharactersBeforeIt() {
        let bytes = Array("Эмоции: ".utf8) + [0xFF]
        guard case .failure(let diagnostic) = Self.decode(bytes) else {
            Issue.record("an invalid byte was decoded")
            return
        }
        #expect(Found(diagnostic) == Found(.invalidEncoding, .error, 1, 9))
    }

    @Test func aTruncatedSequenceAtTheEndIsAnError() {
        let bytes = Array("Цель\nЦ".utf8) + [0xD0]
        guard case .failure(let diagnostic) = Self.decode(bytes) else {
            Issue.record("a truncated sequence was decoded")
            return
        }
        #expect(Found(diagnostic) == Found(.invalidEncoding, .error, 2, 2))
    }

    @Test func aNULByteIsAnError() {
        let bytes = Array("---\ntitle: Карта\n".utf8) + [0] + Array("\n".utf8)
        guard case .failure(let diagnostic) = Self.decode(bytes) else {
            Issue.record("a NUL byte was decoded")
            return
        }
        #expect(Found(diagnostic) == Found(.invalidEncoding, .error, 3, 1))
        #expect(diagnostic.message(in: .en) == "the file contains a NUL byte: is it a binary file?")
    }

    @Test func utf16IsAnError() {
        // UTF-16 LE with its BOM: a NUL follows every ASCII letter.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x2D, 0x00, 0x2D, 0x00, 0x2D, 0x00]
        guard case .failure(let diagnostic) = Self.decode(bytes) else {
            Issue.record("UTF-16 was decoded")
            return
        }
        #expect(diagnostic.code == .invalidEncoding)
    }

    @Test func linesAreNumberedFromOne() {
        let source = SourceText(path: "map.md", text: "один\nдва\n\nчетыре")
        #expect(source.lineCount == 4)
        #expect(source.line(1) == "один")
        #expect(source.line(2) == "два")
        #expect(source.line(3) == "")
        #expect(source.line(4) == "четыре")
        #expect(source.line(0) == nil)
        #expect(source.line(5) == nil)
    }

    @Test func aTrailingLineBreakEndsTheLastLine() {
        let source = SourceText(path: "map.md", text: "a\nb\n")
        #expect(source.lineCount == 3)
        #expect(source.line(2) == "b")
        #expect(source.line(3) == "")
    }

    @Test func byteColumnsBecomeCharacterColumns() {
        let source = SourceText(path: "map.md", text: "x\n### Эмоцйи 😀 ok")
        #expect(source.column(line: 2, byteColumn: 1) == 1)
        #expect(source.column(line: 2, byteColumn: 5) == 5)
        // "Эмоцйи" is 6 letters of 2 bytes each.
        #expect(source.column(line: 2, byteColumn: 5 + 12) == 11)
        // "😀" is one character of 4 bytes.
        #expect(source.column(line: 2, byteColumn: 5 + 12 + 1 + 4 + 1) == 14)
        #expect(source.column(line: 9, byteColumn: 7) == 7)
    }

    @Test func positionsInACRLFFileAreTheAuthorsLines() throws {
        let text = "---\r\ntitle: Карта\r\n---\r\n\r\n## Этап\r\n\r\n### Эмоцйи\r\n0 Спокойно\r\n"
        let result = try Check.site(["content/map.md": text])
        let unknown = result.diagnostics.first { $0.code == .unknownLayer }
        #expect(unknown.map(Found.init) == Found(.unknownLayer, .error, 7, 5))
    }
}
