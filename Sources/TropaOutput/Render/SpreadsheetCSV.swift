import Foundation
import CSV

/// Rows of text as a CSV file a spreadsheet opens as data: UTF-8 with a byte-order mark (so Excel reads Cyrillic),
/// CRLF between rows (RFC 4180), quoting by CSV.swift, and no cell that a spreadsheet would run as a formula.
package enum SpreadsheetCSV {
    /// The file's text, ending with a line break. Every row is written as given; rows may differ in length.
    package static func text(rows: [[String]]) -> String {
        let writer: CSVWriter
        do {
            writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
            for row in rows { try writer.write(row: row.map(neutralised)) }
        } catch {
            // Writing to memory fails only if the stream cannot be opened, which a memory stream always can.
            preconditionFailure("CSV to memory: \(error)")
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self) + (rows.isEmpty ? "" : "\r\n")
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
