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
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows { append(row: row, to: &bytes) }
        return bytes
    }

    /// The same file in parts, the header's and one for each run of rows, each run made when its part is read:
    /// the plan of a 10,000-map site has 140,000 rows (26 MB), which held as strings and then as one text were
    /// 90 MB of a build's peak, and as parts made at once still 40 MB.
    package static func parts(header: [String], runs: [@Sendable () -> [[String]]]) -> FileParts {
        var first: [UInt8] = [0xEF, 0xBB, 0xBF]
        append(row: header, to: &first)
        let head = first
        return FileParts(count: runs.count + 1) { part in
            guard part > 0 else { return head }
            var bytes: [UInt8] = []
            for row in runs[part - 1]() { append(row: row, to: &bytes) }
            return bytes
        }
    }

    /// `file` (as `bytes` wrote it) with the rows of `rows` (by their place, the first row 0) written anew and the
    /// others kept byte for byte, as a patch of it: only a row that differs is new. Nil when it has no such row,
    /// the row there is not as `were` has it (a file that is not the one this was meant for), or it cannot be read.
    /// A row ends at a line break outside quotes.
    ///
    /// The file is read up to its last changed row, a megabyte at a time, and never held whole: the plan's CSV of
    /// a 10,000-map site is 26 MB, and reading it and writing it anew through memory was a quarter of a one-map
    /// rebuild.
    package static func replacingRows(in file: RangedFile, rows: [Int: [String]], were: [Int: [String]],
                                      readingBy chunkSize: Int = 1 << 20) -> FilePatch? {
        guard let last = rows.keys.max() else { return FilePatch(parts: file.size > 0 ? [.kept(0..<file.size)] : []) }
        var found: [(row: Int, range: Range<Int>)] = []
        var row = 0, quoted = false
        var start = file.read(0..<min(3, file.size)) == [0xEF, 0xBB, 0xBF] ? 3 : 0
        var from = start
        // Line breaks and quotes found with `memchr`.
        while row <= last, from < file.size {
            let range = from..<min(file.size, from + chunkSize)
            guard let chunk = file.read(range), chunk.count == range.count else { return nil }
            chunk.withUnsafeBytes { chunk in
                let base = chunk.baseAddress!
                var position = 0
                while row <= last, position < chunk.count {
                    let end = memchr(base + position, 0x0A, chunk.count - position).map { base.distance(to: $0) }
                    var quote = position
                    while let next = memchr(base + quote, 0x22, (end ?? chunk.count) - quote) {
                        quoted.toggle()
                        quote = base.distance(to: next) + 1
                    }
                    guard let end else { return }
                    position = end + 1
                    // A line break inside quotes is the cell's own.
                    if quoted { continue }
                    if rows[row] != nil { found.append((row, start..<from + end + 1)) }
                    row += 1
                    start = from + end + 1
                }
            }
            from += chunk.count
        }
        guard row > last else { return nil }
        var parts: [FilePatch.Part] = [], kept = 0
        for (row, range) in found {
            var old: [UInt8] = [], new: [UInt8] = []
            append(row: were[row] ?? [], to: &old)
            guard file.read(range) == old else { return nil }
            append(row: rows[row]!, to: &new)
            if new == old { continue }
            if kept < range.lowerBound { parts.append(.kept(kept..<range.lowerBound)) }
            parts.append(.new(new))
            kept = range.upperBound
        }
        if kept < file.size { parts.append(.kept(kept..<file.size)) }
        return FilePatch(parts: parts)
    }

    private static func append(row: [String], to bytes: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(neutralised(cell), to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// A field quoted when it holds a quote, a comma or a line break, its quotes doubled.
    private static func append(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        let quoted = utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }
        guard quoted else { return bytes.append(contentsOf: utf8) }
        bytes.append(0x22)
        for byte in utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
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
