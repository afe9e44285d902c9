import TropaModel
import TropaAnalysis

/// Escaping and number writing shared by the SVG and XML writers.
public enum Markup {
    /// Text safe inside XML/HTML content and attribute values; characters XML 1.0 forbids are dropped.
    public static func escape(_ text: String) -> String {
        // Most values need nothing: a byte scan, then the text itself, without a copy. 0xEF leads U+FFFE/U+FFFF.
        // The scan runs over the string's own buffer: through the UTF-8 view it took 3 % of a build.
        let needsEscaping: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x22 || $0 == 0x26 || $0 == 0x27 || $0 == 0x3C
                                               || $0 == 0x3E || $0 == 0xEF }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: needsEscaping) })
                ?? text.utf8.contains(where: needsEscaping) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "&#10;"
            case "\t": result += "&#9;"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A coordinate with one decimal at most: the same input always gives the same text.
    package static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
