import TropaModel

/// The mind-map outline as Markdown (`outline.md`), as Markmap and XMind import it: the map, its top branches and
/// the next level as headings, everything deeper as nested list items.
package enum OutlineMarkdown {
    /// How many levels are headings (`#`, `##`, `###`).
    static let headingLevels = 3

    package static func bytes(_ root: OutlineNode) -> [UInt8] {
        var text = ByteWriter(capacity: 8 * 1024)
        append(root, depth: 0, to: &text)
        return text.bytes
    }

    /// The node's line and its children's, each ending with a line break; a heading after a line has a blank line
    /// before it, and the last level of headings one after it.
    private static func append(_ node: OutlineNode, depth: Int, to text: inout ByteWriter) {
        let newline = UInt8(ascii: "\n")
        if depth < headingLevels {
            if !text.isEmpty { text.append(newline) }
            text.append(UInt8(ascii: "#"), count: depth + 1)
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: Markup.markdown(node.text))
            text.append(newline)
            if depth + 1 == headingLevels, !node.children.isEmpty { text.append(newline) }
        } else {
            text.append(UInt8(ascii: " "), count: 2 * (depth - headingLevels))
            text.append("- ")
            text.append(contentsOf: Markup.markdown(node.text))
            text.append(newline)
        }
        for child in node.children { append(child, depth: depth + 1, to: &text) }
    }
}
