import Foundation

/// The form in which headings and names are compared: case-insensitive (Cyrillic too), `ё` read as `е`,
/// surrounding white space, inner runs of white space and a trailing colon ignored.
public struct NameKey: Hashable, Sendable {
    public let value: String

    public init(_ name: String) {
        var text = name.trimmingWhitespace()
        while text.hasSuffix(":") || text.hasSuffix("：") {
            text.removeLast()
            text = text.trimmingWhitespace()
        }
        let words = text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: \.isWhitespace)
        value = words.joined(separator: " ")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

}
