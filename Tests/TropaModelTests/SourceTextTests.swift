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

    /// Counted on the line's bytes, a column is what counting the scalars before it gives, at every byte of lines of
    /// Cyrillic, an emoji, a combining mark and a flag, inside a scalar and past the end too.
    @Test func aColumnCountedOnTheBytesIsTheScalarsBeforeIt() {
        let lines = ["### Эмоцйи 😀 ok", "e\u{301}: 🇷🇺 й", "", "\tтаб", "last"]
        let source = SourceText(path: "map.md", text: lines.joined(separator: "\n"))
        for (offset, line) in lines.enumerated() {
            #expect(source.withBytes(ofLine: offset + 1) { Array($0) } == Array(line.utf8))
            for byteColumn in -1...(line.utf8.count + 3) {
                let limit = min(max(byteColumn - 1, 0), line.utf8.count)
                let scalars = line.unicodeScalars[..<line.utf8.index(line.startIndex, offsetBy: limit)].count
                #expect(source.column(line: offset + 1, byteColumn: byteColumn) == scalars + 1, "\(line) \(byteColumn)")
            }
        }
        #expect(source.withBytes(ofLine: 6) { $0.count } == nil)
    }

    /// A character found by its byte is the one a walk over the characters finds: not a byte a mark joins, nor one
    /// inside another character.
    @Test func theLastCharacterFoundByItsByteIsTheOneTheCharactersGive() {
        let pieces = ["@", "a", "й", " ", "\u{301}", "\u{200D}", "👩", "\r\n"]
        let texts = everyText(of: pieces, upTo: 4)
        for text in texts {
            let walked = text.lastIndex { $0 == "@" }
            #expect(text.lastIndex(ofASCII: UInt8(ascii: "@")) == walked, "\(text.debugDescription)")
        }
        #expect(texts.count(where: { $0.lastIndex { $0 == "@" } == nil && $0.utf8.contains(UInt8(ascii: "@")) }) > 100)
    }

    @Test func positionsInACRLFFileAreTheAuthorsLines() throws {
        let text = "---\r\ntitle: Карта\r\n---\r\n\r\n## Этап\r\n\r\n### Эмоцйи\r\n0 Спокойно\r\n"
        let result = try Check.site(["content/map.md": text])
        let unknown = result.diagnostics.first { $0.code == .unknownLayer }
        #expect(unknown.map(Found.init) == Found(.unknownLayer, .error, 7, 5))
    }
}
