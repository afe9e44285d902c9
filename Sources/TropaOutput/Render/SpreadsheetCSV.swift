import TropaModel
import Foundation

/// Rows of text as a CSV file a spreadsheet opens as data: UTF-8 with a byte-order mark (so Excel reads Cyrillic),
/// CRLF between rows, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
///
/// Written on bytes (RFC 4180's one quoting rule) rather than through CSV.swift's writer, which passes every
/// character through a Foundation stream: the plan's CSV of a 10,000-map site was 30 % of a one-map rebuild.
package enum SpreadsheetCSV {
    /// The file's text, ending with a line break. Every row is written as given; rows may differ in length.
    package static func text(rows: [[String]]) -> String {
        // In runs of rows on every core: the plan of a 10,000-map site has 140,000.
        let runs = stride(from: 0, to: rows.count, by: 4096).map { $0..<min(rows.count, $0 + 4096) }
        let parts = parallelMap(runs) { run in
            var bytes: [UInt8] = []
            for row in rows[run] { append(row: row, to: &bytes) }
            return bytes
        }
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes.reserveCapacity(parts.reduce(3) { $0 + $1.count })
        for part in parts { bytes += part }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `file` (as `text` wrote it) with the rows of `rows` (by their place, the first row 0) written anew and the
    /// others kept byte for byte; nil when it has no such row, or the row there is not as `were` has it (a file
    /// that is not the one this was meant for). A row ends at a line break outside quotes.
    package static func replacingRows(in file: [UInt8], rows: [Int: [String]], were: [Int: [String]]) -> [UInt8]? {
        guard let last = rows.keys.max() else { return file }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.count + 4096)
        var row = 0, kept = 0
        var start = file.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Line breaks and quotes found with `memchr`: the plan of 10,000 maps is 26 MB.
        let matched = file.withUnsafeBytes { file -> Bool in
            guard let base = file.baseAddress else { return true }
            var quoted = false, from = start
            while row <= last, let found = memchr(base + from, 0x0A, file.count - from) {
                let end = base.distance(to: found)
                var quote = from
                while let next = memchr(base + quote, 0x22, end - quote) {
                    quoted.toggle()
                    quote = base.distance(to: next) + 1
                }
                from = end + 1
                // A line break inside quotes is the cell's own.
                if quoted { continue }
                if let cells = rows[row] {
                    var old: [UInt8] = []
                    append(row: were[row] ?? [], to: &old)
                    guard file[start...end].elementsEqual(old) else { return false }
                    bytes.append(contentsOf: file[kept..<start])
                    append(row: cells, to: &bytes)
                    kept = end + 1
                }
                row += 1
                start = end + 1
            }
            return true
        }
        guard matched, row > last else { return nil }
        bytes += file[kept...]
        return bytes
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
