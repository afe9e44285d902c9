import TropaModel
import Foundation

/// Rows of text as a CSV file a spreadsheet opens as data: UTF-8 with a byte-order mark (so Excel reads Cyrillic),
/// CRLF between rows, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
///
/// Written on bytes (RFC 4180's one quoting rule) rather than through CSV.swift's writer, which passes every
/// character through a Foundation stream: the plan's CSV of a 10,000-map site was 30 % of a one-map rebuild.
package enum SpreadsheetCSV {
    /// The file's bytes, ending with a line break. Every row is written as given; rows may differ in length.
    package static func bytes(rows: [[String]]) -> [UInt8] {
        var bytes = ByteWriter(capacity: 16 * 1024)
        bytes.append("\u{FEFF}")
        for row in rows { append(row: row, to: &bytes) }
        return bytes.bytes
    }

    /// The same file in parts, the header's and one for each run of rows, each run made when its part is read:
    /// the plan of a 10,000-map site has 140,000 rows (26 MB), which held as strings and then as one text were
    /// 90 MB of a build's peak, and as parts made at once still 40 MB.
    package static func parts(header: [String], runs: [@Sendable () -> [[String]]]) -> FileParts {
        var first = ByteWriter()
        first.append("\u{FEFF}")
        append(row: header, to: &first)
        let head = first.bytes
        return FileParts(count: runs.count + 1) { part in
            guard part > 0 else { return head }
            var bytes = ByteWriter(capacity: 64 * 1024)
            for row in runs[part - 1]() { append(row: row, to: &bytes) }
            return bytes.bytes
        }
    }

    /// `file` (as `bytes` wrote it) with the rows of `rows` (by their place, the first row 0) written anew and the
    /// others kept byte for byte, as a patch of it: only a row that differs is new. With `moved`, the rows are in
    /// another order: each row of the new file (by its place) is the file's row at the place `moved` gives, or, at
    /// -1, the one `rows` gives; the file's rows `moved` does not name are left out. Nil when the rows `were` names
    /// are not there as it has them (a file that is not the one this was meant for), a row named is not in the file,
    /// or it cannot be read. A row ends at a line break outside quotes.
    ///
    /// The file is read up to its last row needed, a megabyte at a time, and never held whole: the plan's CSV of
    /// a 10,000-map site is 26 MB, and reading it and writing it anew through memory was a quarter of a one-map
    /// rebuild.
    package static func replacingRows(in file: RangedFile, rows: [Int: [String]], were: [Int: [String]],
                                      moved: [Int]? = nil, readingBy chunkSize: Int = 1 << 20) -> FilePatch? {
        var patch = FilePatch(of: file.size)
        let needed = max(rows.keys.max() ?? -1, were.keys.max() ?? -1, moved?.max() ?? -1)
        guard needed >= 0 else {
            patch.keep(0..<file.size)
            return patch
        }
        guard let (head, found) = rowRanges(in: file, through: moved == nil ? needed : Int.max, readingBy: chunkSize),
              found.count > needed else { return nil }
        var wrote: [Int: [UInt8]] = [:]
        for (row, cells) in were {
            let old = bytes(row: cells)
            guard file.read(found[row]) == old else { return nil }
            wrote[row] = old
        }
        patch.keep(0..<head)
        guard let moved else {
            // The rows between two changed ones kept as one part: looked up row by row, the 140,000 rows of the
            // plan of 10,000 maps were as many lookups for the few rows of one map.
            var next = head
            for (row, cells) in rows.sorted(by: { $0.key < $1.key }) {
                patch.keep(next..<found[row].lowerBound)
                let new = bytes(row: cells)
                if wrote[row] == new { patch.keep(found[row]) } else { patch.add(new) }
                next = found[row].upperBound
            }
            patch.keep(next..<file.size)
            return patch
        }
        for row in 0..<moved.count {
            let from = moved[row]
            guard let cells = rows[row] else {
                guard found.indices.contains(from) else { return nil }
                patch.keep(found[from])
                continue
            }
            let new = bytes(row: cells)
            if from >= 0, wrote[from] == new { patch.keep(found[from]) } else { patch.add(new) }
        }
        return patch
    }

    /// Where the file's rows begin (after the byte-order mark) and each row's bytes, its line break included, up to
    /// row `last` or the end. Nil when it cannot be read, or (read to the end) its last row has no line break.
    private static func rowRanges(in file: RangedFile, through last: Int, readingBy chunkSize: Int) -> (Int, [Range<Int>])? {
        var found: [Range<Int>] = []
        var quoted = false
        let head = file.read(0..<min(3, file.size)) == [0xEF, 0xBB, 0xBF] ? 3 : 0
        var start = head, from = head
        // Line breaks and quotes found with `memchr`.
        while found.count <= last, from < file.size {
            let range = from..<min(file.size, from + chunkSize)
            guard let chunk = file.read(range), chunk.count == range.count else { return nil }
            chunk.withUnsafeBytes { chunk in
                let base = chunk.baseAddress!
                // The next quote is looked for once past the last: most lines hold none.
                var position = 0, quote = -1
                func nextQuote(from start: Int) -> Int {
                    memchr(base + start, 0x22, chunk.count - start).map { base.distance(to: $0) } ?? chunk.count
                }
                while found.count <= last, position < chunk.count {
                    let end = memchr(base + position, 0x0A, chunk.count - position).map { base.distance(to: $0) }
                    if quote < position { quote = nextQuote(from: position) }
                    while quote < (end ?? chunk.count) {
                        quoted.toggle()
                        quote = nextQuote(from: quote + 1)
                    }
                    guard let end else { return }
                    position = end + 1
                    // A line break inside quotes is the cell's own.
                    if quoted { continue }
                    found.append(start..<from + end + 1)
                    start = from + end + 1
                }
            }
            from += chunk.count
        }
        guard found.count > last || start == file.size else { return nil }
        return (head, found)
    }

    private static func bytes(row: [String]) -> [UInt8] {
        var bytes = ByteWriter()
        append(row: row, to: &bytes)
        return bytes.bytes
    }

    private static func append(row: [String], to bytes: inout ByteWriter) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(neutralised(cell), to: &bytes)
        }
        bytes.append("\r\n")
    }

    /// A field quoted when it holds a quote, a comma or a line break, its quotes doubled: the runs between quotes
    /// copied whole (most of a map's cells hold line breaks, and a byte at a time was a third of writing its CSV).
    private static func append(_ field: String, to bytes: inout ByteWriter) {
        var field = field
        field.withUTF8 { field in
            // Looked for eight bytes at a time: a byte at a time, the test was most of quoting.
            let quoted = ByteScan.first(in: field, from: 0, inWord: { word in
                ByteScan.equal(word, 0x22) | ByteScan.equal(word, 0x2C) | ByteScan.equal(word, 0x0D) | ByteScan.equal(word, 0x0A)
            }, special: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }) < field.count
            guard quoted else { return bytes.append(field) }
            bytes.append(0x22)
            let nextQuote = { ByteScan.first(in: field, from: $0, inWord: { ByteScan.equal($0, 0x22) }, special: { $0 == 0x22 }) }
            bytes.append(field, escapingAt: nextQuote) { _, _, bytes in bytes.append("\"\"") }
            bytes.append(0x22)
        }
    }

    /// The cell as text a spreadsheet shows rather than evaluates (OWASP, CSV injection): a cell beginning with
    /// `=`, `@`, a tab or a carriage return, or with `+` or `-` and not a plain number, gets a leading `'`.
    /// `-5`, `+7 %` and `-2,5` stay numbers; `-1+cmd|…` does not.
    package static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "@", "\t", "\r":
            return "'" + cell
        case "+", "-":
            let rest = cell.unicodeScalars.dropFirst()
            let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
            let isNumber = rest.first.map(isDigit) == true
                && rest.allSatisfy { isDigit($0) || ".,% \u{A0}\u{202F}".unicodeScalars.contains($0) }
            return isNumber ? cell : "'" + cell
        default:
            return cell
        }
    }
}
