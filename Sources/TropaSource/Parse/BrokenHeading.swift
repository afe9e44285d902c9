import TropaModel
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Lines an author meant as headings that CommonMark reads as text: `##Покупка` (no space after the marks) and
/// `###\u{A0}Цель` (a no-break space, as Word pastes it). Without a word they would vanish into the text before them.
package struct BrokenHeading: Sendable, Hashable {
    /// The 1-based line in the file.
    package var line: Int
    /// Spaces before the marks (0 to 3).
    package var indent: Int
    /// How many `#`.
    package var level: Int
    /// The text after the marks, without the space-like character that stands in for a space.
    package var text: String
    /// The character after the marks when it is a space of another kind (no-break, narrow, em …), not a letter.
    package var oddSpace: Unicode.Scalar?

    /// The line as it was meant: the marks, one space, the text.
    package var repaired: String { String(repeating: " ", count: indent) + marks + " " + text }
    package var marks: String { String(repeating: "#", count: level) }

    /// Whether `line` starts like a heading to a reader but not to CommonMark. A single `#` before a word is a
    /// hashtag (`#скидки`), so only a space of another kind makes it a broken heading.
    package static func read(_ line: Substring, number: Int) -> BrokenHeading? {
        var line = String(line)
        return line.withUTF8 { read(bytes: $0[...], number: number) }
    }

    /// `read` on a line's bytes: the indent and the marks are ASCII, and most lines that start with them are headings
    /// (a space or a tab after the marks), told without making a string of the line (every heading of every map is
    /// looked at: as a string each, they were 1 % of a cold build).
    private static func read(bytes line: Slice<UnsafeBufferPointer<UInt8>>, number: Int) -> BrokenHeading? {
        var index = line.startIndex
        var indent = 0
        while index < line.endIndex, line[index] == UInt8(ascii: " "), indent < 4 {
            indent += 1
            index += 1
        }
        guard indent < 4, index < line.endIndex, line[index] == UInt8(ascii: "#") else { return nil }
        var level = 0
        while index < line.endIndex, line[index] == UInt8(ascii: "#") {
            level += 1
            index += 1
        }
        guard level <= 6, index < line.endIndex, line[index] != UInt8(ascii: " "), line[index] != UInt8(ascii: "\t") else { return nil }
        let scalars = String(decoding: line[index...], as: UTF8.self).unicodeScalars
        let next = scalars.first!
        let oddSpace = next.properties.isWhitespace ? next : nil
        guard oddSpace != nil || level >= 2 else { return nil }
        let rest = oddSpace != nil ? scalars.dropFirst() : scalars[...]
        let text = String(String.UnicodeScalarView(rest.drop { $0.properties.isWhitespace }))
        return BrokenHeading(line: number, indent: indent, level: level, text: text, oddSpace: oddSpace)
    }

    /// The broken headings of a body, outside code and HTML blocks. `document` is the body as parsed; it is asked
    /// for the lines of those blocks only when some line looks like a broken heading, which is rare.
    package static func find(in body: String, parsed document: MarkdownDocument) -> [BrokenHeading] {
        var body = body
        body.makeContiguousUTF8()
        let found: [BrokenHeading] = body.utf8.withContiguousStorageIfAvailable { bytes in
            var found: [BrokenHeading] = []
            var number = 1
            var start = 0
            // Most lines start with neither a space nor a `#`: one byte decides.
            while start < bytes.count {
                let end = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start)
                    .map { UnsafeRawPointer(bytes.baseAddress!).distance(to: $0) } ?? bytes.count
                if bytes[start] == UInt8(ascii: "#") || bytes[start] == UInt8(ascii: " "),
                   let heading = read(bytes: bytes[start..<end], number: number) {
                    found.append(heading)
                }
                number += 1
                start = end + 1
            }
            return found
        } ?? []
        guard !found.isEmpty else { return [] }
        let verbatim = document.verbatimLines
        return found.filter { heading in !verbatim.contains { $0.contains(heading.line) } }
    }

    /// `body` with each broken heading written as it was meant, so the map is read as its author meant it.
    package static func repair(_ body: String, _ headings: [BrokenHeading]) -> String {
        let byLine = Dictionary(uniqueKeysWithValues: headings.map { ($0.line, $0) })
        return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
            byLine[offset + 1]?.repaired ?? String(line)
        }.joined(separator: "\n")
    }

    /// The `heading-space` error, at the character where the space belongs.
    package func diagnostic(file: String) -> Diagnostic {
        let text = text.trimmingWhitespace()
        let written = (marks + (oddSpace.map { String(Character($0)) } ?? "") + text).shortened(to: 60)
        var message = Message.headingNoSpace(written: written, marks: marks)
        if let oddSpace {
            let code = String(oddSpace.value, radix: 16, uppercase: true)
            message = .headingOddSpace(written: written, marks: marks,
                                       codePoint: String(repeating: "0", count: max(0, 4 - code.count)) + code,
                                       noBreak: oddSpace.value == 0xA0)
        }
        return .error(.headingSpace, message, at: SourceLocation(file: file, line: line, column: indent + level + 1),
                      suggestion: .write(marks + " " + text))
    }
}
