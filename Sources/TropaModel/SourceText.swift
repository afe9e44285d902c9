#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An author's file decoded as UTF-8, with its lines at hand for positions and for showing the source.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    /// The UTF-8 offset where each line starts.
    private let lineStarts: [Int]

    /// Decodes `bytes`; an invalid byte or a NUL is an `invalid-encoding` diagnostic at its position.
    public static func decode(path: String, bytes: [UInt8]) -> Result<SourceText, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Its NUL bytes would otherwise be blamed, which says nothing about the fix.
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(.invalidEncoding, .utf16,
                                   at: SourceLocation(file: path, line: 1), suggestion: .saveAsUTF8))
        }
        if let nul = body.withUnsafeBytes({ offset(of: 0, in: $0) }).map({ body.startIndex + $0 }) {
            let (line, column) = position(of: nul, in: body)
            return .failure(.error(.invalidEncoding, .nulByte,
                                   at: SourceLocation(file: path, line: line, column: column),
                                   suggestion: .saveAsUTF8Text))
        }
        guard let decoded = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidByte(in: body)
            let (line, column) = position(of: bad, in: body)
            return .failure(.error(.invalidEncoding, .notUTF8,
                                   at: SourceLocation(file: path, line: line, column: column),
                                   suggestion: .convertFromCP1251))
        }
        return .success(SourceText(path: path, text: normalizeLineEndings(decoded)))
    }

    public init(path: String, text: String) {
        self.path = path
        var text = text
        // Line breaks found with `memchr`: every map's text is indexed, and a byte loop was a few per cent of a check.
        lineStarts = text.withUTF8 { buffer in
            var starts = [0]
            let bytes = UnsafeRawBufferPointer(buffer)
            while let found = Self.offset(of: 0x0A, in: UnsafeRawBufferPointer(rebasing: bytes[starts.last!...])) {
                starts.append(starts.last! + found + 1)
            }
            return starts
        }
        self.text = text
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its line break; nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard let bytes = byteRange(ofLine: number) else { return nil }
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)]
    }

    /// The UTF-8 offsets of a 1-based line, without its line break; nil past the end.
    @usableFromInline
    func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        return lineStarts[number - 1]..<(number < lineStarts.count ? lineStarts[number] - 1 : text.utf8.count)
    }

    /// Whether `location` names a line of this text and a column on it, or just past its end.
    public func contains(_ location: SourceLocation) -> Bool {
        guard location.file == path, location.column >= 1, let line = line(location.line) else { return false }
        return location.column <= line.unicodeScalars.count + 1
    }

    /// The bytes of a 1-based line, without its line break, given to `body`; nil past the end. Every heading and
    /// every item with a position is looked up on its line: through the line's `Substring`, a step at a time, that
    /// was 2 % of a cold build.
    @inlinable
    public func withBytes<Result>(ofLine number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let range = byteRange(ofLine: number) else { return nil }
        return withoutActuallyEscaping(body) { body in
            let line = { (bytes: UnsafeBufferPointer<UInt8>) in body(UnsafeBufferPointer(rebasing: bytes[range])) }
            return text.utf8.withContiguousStorageIfAvailable(line) ?? Array(text.utf8).withUnsafeBufferPointer(line)
        }
    }

    /// The character column of a 1-based UTF-8 byte column on a line (cmark counts bytes): the scalars before it,
    /// told by their first bytes (the text is valid UTF-8). A column inside a scalar counts the scalars before that
    /// one.
    public func column(line number: Int, byteColumn: Int) -> Int {
        withBytes(ofLine: number) { bytes in
            let limit = min(max(byteColumn - 1, 0), bytes.count)
            var scalars = 0
            for byte in bytes[..<limit] where byte & 0xC0 != 0x80 { scalars += 1 }
            if limit < bytes.count, bytes[limit] & 0xC0 == 0x80 { scalars -= 1 }
            return scalars + 1
        } ?? byteColumn
    }

    /// Where `byte` first is in `buffer`, found with `memchr`.
    fileprivate static func offset(of byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// CRLF and lone CR become LF, so every later step sees one kind of line break.
    public static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8Offset(of: UInt8(ascii: "\r")) != nil else { return text }
        // Byte by byte: replacing Characters would turn "\r\r\n" (two line breaks) into "\r\n", one Character
        // that a second replacement of "\r" no longer matches, and every later line would be off by one.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == UInt8(ascii: "\r")
            bytes.append(afterCR ? UInt8(ascii: "\n") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            let end = index + length
            guard end <= bytes.endIndex,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil else { return index }
            index = end
        }
        return index
    }

    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.startIndex..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return (line, prefix.unicodeScalars.count + 1)
    }
}

extension StringProtocol {
    /// Whether the text has a Cyrillic letter: Russian text, which reads wider and takes Russian words.
    public var containsCyrillic: Bool { unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
}

extension String {
    /// Whether the scalar at `index` is a character of its own: one starts there, and no mark joins it.
    public func isCharacter(ofOneScalarAt index: Index) -> Bool {
        Index(index, within: self) != nil && self.index(after: index) == unicodeScalars.index(after: index)
    }

    /// The last character that is the ASCII character `byte` alone, found by its bytes: walked back character by
    /// character, a Cyrillic text costs a test for a character's break at every step.
    public func lastIndex(ofASCII byte: UInt8) -> Index? {
        guard let found = utf8.lastIndex(of: byte) else { return nil }
        if isCharacter(ofOneScalarAt: found) { return found }
        return lastIndex { $0.unicodeScalars.count == 1 && $0.unicodeScalars.first?.value == UInt32(byte) }
    }

    /// Where `byte` first is in the text's UTF-8, found with `memchr`: a byte loop over every map's text, or every
    /// item of every list, was a per cent or two of a check.
    public func utf8Offset(of byte: UInt8) -> Int? {
        var text = self
        return text.withUTF8 { SourceText.offset(of: byte, in: UnsafeRawBufferPointer($0)) }
    }
}
