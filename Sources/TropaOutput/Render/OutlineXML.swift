import TropaModel
import TropaAnalysis

/// The mind-map outline as files for mind-map software: OPML 2.0 and FreeMind.
package enum OutlineXML {
    package static func opml(_ root: OutlineNode) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
        xml += "  <head>\n    <title>\(Markup.escape(root.text))</title>\n  </head>\n  <body>\n"
        appendOPML(root, depth: 2, to: &xml)
        return xml + "  </body>\n</opml>\n"
    }

    private static func appendOPML(_ node: OutlineNode, depth: Int, to xml: inout String) {
        // Appended piece by piece: interpolating each line made three temporary strings per node.
        appendIndent(depth, to: &xml)
        xml += "<outline text=\""
        xml += Markup.escape(node.text)
        guard !node.children.isEmpty else {
            xml += "\"/>\n"
            return
        }
        xml += "\">\n"
        for child in node.children { appendOPML(child, depth: depth + 1, to: &xml) }
        appendIndent(depth, to: &xml)
        xml += "</outline>\n"
    }

    private static func appendIndent(_ depth: Int, to xml: inout String) {
        for _ in 0..<depth { xml += "  " }
    }

    /// FreeMind 1.0 (also read by Freeplane and XMind): first-level branches alternate right and left.
    package static func freeMind(_ root: OutlineNode) -> String {
        var xml = "<map version=\"1.0.1\">\n"
        var counter = 0
        appendFreeMind(root, depth: 0, position: nil, counter: &counter, to: &xml)
        return xml + "</map>\n"
    }

    private static func appendFreeMind(_ node: OutlineNode, depth: Int, position: String?, counter: inout Int,
                                       to xml: inout String) {
        counter += 1
        appendIndent(depth + 1, to: &xml)
        xml += "<node ID=\"node-"
        xml += String(counter)
        xml += "\" TEXT=\""
        xml += Markup.escape(node.text)
        xml += "\""
        if let position {
            xml += " POSITION=\""
            xml += position
            xml += "\""
        }
        if depth >= 2, !node.children.isEmpty { xml += " FOLDED=\"true\"" }
        guard !node.children.isEmpty else {
            xml += "/>\n"
            return
        }
        xml += ">\n"
        for (index, child) in node.children.enumerated() {
            let side = depth == 0 ? (index % 2 == 0 ? "right" : "left") : nil
            appendFreeMind(child, depth: depth + 1, position: side, counter: &counter, to: &xml)
        }
        appendIndent(depth + 1, to: &xml)
        xml += "</node>\n"
    }
}
