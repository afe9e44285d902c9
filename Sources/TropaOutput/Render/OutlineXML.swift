import TropaModel
import TropaAnalysis

/// The mind-map outline as files for mind-map software: OPML 2.0 and FreeMind. Written as bytes, piece by piece:
/// appended to strings, the three outlines of every map were a tenth of a cold build.
package enum OutlineXML {
    package static func opml(_ root: OutlineNode) -> [UInt8] {
        var xml = ByteWriter(capacity: 16 * 1024)
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>")
        Markup.appendEscaped(root.text, to: &xml)
        xml.append("</title>\n  </head>\n  <body>\n")
        appendOPML(root, depth: 2, to: &xml)
        xml.append("  </body>\n</opml>\n")
        return xml.bytes
    }

    private static func appendOPML(_ node: OutlineNode, depth: Int, to xml: inout ByteWriter) {
        appendIndent(depth, to: &xml)
        xml.append("<outline text=\"")
        Markup.appendEscaped(node.text, to: &xml)
        guard !node.children.isEmpty else {
            xml.append("\"/>\n")
            return
        }
        xml.append("\">\n")
        for child in node.children { appendOPML(child, depth: depth + 1, to: &xml) }
        appendIndent(depth, to: &xml)
        xml.append("</outline>\n")
    }

    private static func appendIndent(_ depth: Int, to xml: inout ByteWriter) {
        xml.append(UInt8(ascii: " "), count: 2 * depth)
    }

    /// FreeMind 1.0 (also read by Freeplane and XMind): first-level branches alternate right and left.
    package static func freeMind(_ root: OutlineNode) -> [UInt8] {
        var xml = ByteWriter(capacity: 16 * 1024)
        xml.append("<map version=\"1.0.1\">\n")
        var counter = 0
        appendFreeMind(root, depth: 0, position: nil, counter: &counter, to: &xml)
        xml.append("</map>\n")
        return xml.bytes
    }

    private static func appendFreeMind(_ node: OutlineNode, depth: Int, position: StaticString?, counter: inout Int,
                                       to xml: inout ByteWriter) {
        counter += 1
        appendIndent(depth + 1, to: &xml)
        xml.append("<node ID=\"node-")
        xml.append(decimal: counter)
        xml.append("\" TEXT=\"")
        Markup.appendEscaped(node.text, to: &xml)
        xml.append(UInt8(ascii: "\""))
        if let position {
            xml.append(" POSITION=\"")
            xml.append(position)
            xml.append(UInt8(ascii: "\""))
        }
        if depth >= 2, !node.children.isEmpty { xml.append(" FOLDED=\"true\"") }
        guard !node.children.isEmpty else {
            xml.append("/>\n")
            return
        }
        xml.append(">\n")
        for (index, child) in node.children.enumerated() {
            let side: StaticString? = depth == 0 ? (index % 2 == 0 ? "right" : "left") : nil
            appendFreeMind(child, depth: depth + 1, position: side, counter: &counter, to: &xml)
        }
        appendIndent(depth + 1, to: &xml)
        xml.append("</node>\n")
    }
}
