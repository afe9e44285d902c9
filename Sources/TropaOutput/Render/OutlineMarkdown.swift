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
            lines.append(String(repeating: "#", count: depth + 1) + " " + Markup.markdown(node.text))
            if depth + 1 == headingLevels, !node.children.isEmpty { lines.append("") }
        } else {
            lines.append(String(repeating: "  ", count: depth - headingLevels) + "- " + Markup.markdown(node.text))
        }
        for child in node.children { append(child, depth: depth + 1, to: &lines) }
    }
}
