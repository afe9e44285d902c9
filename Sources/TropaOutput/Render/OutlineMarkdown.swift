import TropaModel

/// The mind-map outline as Markdown (`outline.md`), as Markmap and XMind import it: the map, its top branches and
/// the next level as headings, everything deeper as nested list items.
package enum OutlineMarkdown {
    /// How many levels are headings (`#`, `##`, `###`).
    static let headingLevels = 3

    package static func text(_ root: OutlineNode) -> String {
        var lines: [String] = []
        append(root, depth: 0, to: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ node: OutlineNode, depth: Int, to lines: inout [String]) {
        if depth < headingLevels {
            if !lines.isEmpty { lines.append("") }
            lines.append(String(repeating: "#", count: depth + 1) + " " + escaped(node.text))
            if depth + 1 == headingLevels, !node.children.isEmpty { lines.append("") }
        } else {
            lines.append(String(repeating: "  ", count: depth - headingLevels) + "- " + escaped(node.text))
        }
        for child in node.children { append(child, depth: depth + 1, to: &lines) }
    }

    /// Text that Markdown shows as written, on one line: markup characters are backslash-escaped (so no HTML, link
    /// or emphasis comes alive in a Markdown renderer), and a line start that would begin a block is escaped too.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!": result += "\\" + String(scalar)
            case "\n", "\r", "\t": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        // `# `, `- `, `+ `, `= `, `1. ` at the start would make a heading, a list or a setext underline.
        if let first = result.unicodeScalars.first, "#-+=".unicodeScalars.contains(first) {
            result = "\\" + result
        } else if let dot = result.firstIndex(where: { $0 == "." || $0 == ")" }),
                  !result[..<dot].isEmpty, result[..<dot].allSatisfy(\.isASCII), result[..<dot].allSatisfy(\.isNumber) {
            result.insert("\\", at: dot)
        }
        return result
    }
}
