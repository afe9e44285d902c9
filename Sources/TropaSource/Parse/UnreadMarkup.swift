import TropaModel
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Markup an author meant that CommonMark shows as text: a link whose address holds a space
/// (`[получил](map.md#получение {Курьер})`), and a table (`| Этап | Конверсия |` over `|---|---|`), which the pages'
/// Markdown does not have. Both would stand on the page as the characters typed, with no word.
package enum UnreadMarkup {
    /// Its `unread-markup` warnings, outside code and HTML blocks. `document` is the body as parsed; it is asked for
    /// the lines of those blocks only when a line looks like either, which is rare.
    package static func find(in body: String, parsed document: MarkdownDocument, source: SourceText) -> [Diagnostic] {
        guard mayHold(body) else { return [] }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [(line: Int, diagnostic: Diagnostic)] = []
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if let link = spacedLink(in: line) {
                let at = SourceLocation(file: source.path, line: number, column: line[..<link.start].count + 1)
                found.append((number, .warning(.unreadMarkup, .linkWithSpace(link.text.shortened(to: 60)), at: at,
                                               suggestion: .write("[\(link.title)](<\(link.destination)>)"))))
            }
            // A table's header row, over its row of dashes: one warning a table.
            if offset + 1 < lines.count, isTableRow(line), isDelimiterRow(lines[offset + 1]) {
                let at = SourceLocation(file: source.path, line: number, column: line.prefix { $0 == " " }.count + 1)
                found.append((number, .warning(.unreadMarkup, .tableAsText, at: at, suggestion: .tableAsList)))
            }
        }
        guard !found.isEmpty else { return [] }
        let verbatim = document.verbatimLines
        return found.filter { item in !verbatim.contains { $0.contains(item.line) } }.map(\.diagnostic)
    }

    /// Whether `body` holds a `|` or a `](`: most maps hold neither, and are looked at no more. Found with `memchr`:
    /// the stdlib's and Foundation's searches of every map's body were a quarter of a check of the whole site.
    static func mayHold(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            if memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil { return true }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: "]")), bytes.count - start) {
                let index = UnsafeRawPointer(base).distance(to: found)
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") { return true }
                start = index + 1
            }
            return false
        }
    }

    /// The first `[text](address with a space)` of `line` that is no link to CommonMark: a space in the address,
    /// not before a title in quotes or brackets, and the address not in `<…>`.
    static func spacedLink(in line: Substring) -> (start: Substring.Index, text: String, title: Substring, destination: Substring)? {
        var rest = line[...]
        while let close = rest.range(of: "](") {
            defer { rest = rest[close.upperBound...] }
            guard let open = line[..<close.lowerBound].lastIndex(of: "["),
                  let end = rest[close.upperBound...].firstIndex(of: ")"),
                  // Inside a code span it is code.
                  line[..<open].filter({ $0 == "`" }).count % 2 == 0 else { continue }
            // Spaces around the address are allowed.
            var destination = rest[close.upperBound..<end].drop { $0 == " " }
            while destination.last == " " { destination = destination.dropLast() }
            guard !destination.hasPrefix("<"), let space = destination.firstIndex(of: " ") else { continue }
            let after = destination[space...].drop { $0 == " " }
            if let mark = after.first, "\"'(".contains(mark) { continue }
            return (open, String(line[open...end]), line[line.index(after: open)..<close.lowerBound], destination)
        }
        return nil
    }

    private static func isTableRow(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " }
        return text.hasPrefix("|") && text.dropFirst().contains("|")
    }

    /// `|---|:---:|` or `--- | ---`: dashes (and colons) between pipes, two cells at least.
    private static func isDelimiterRow(_ line: Substring) -> Bool {
        let cells = line.split(separator: "|", omittingEmptySubsequences: true).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
        return line.contains("|") && cells.count >= 2 && cells.allSatisfy { text in
            return text.count >= 3 && text.allSatisfy { $0 == "-" || $0 == ":" } && text.contains("-")
        }
    }
}
