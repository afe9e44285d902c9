import TropaModel
import TropaAnalysis

/// The mind-map outline as files for mind-map software: OPML 2.0 and FreeMind. Written as bytes, piece by piece:
/// appended to strings, the three outlines of every map were a tenth of a cold build.
package enum OutlineXML {
    package static func opml(_ root: OutlineNode) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(16 * 1024)
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>".utf8
        Markup.appendEscaped(root.text, to: &xml)
        xml += "</title>\n  </head>\n  <body>\n".utf8
        appendOPML(root, depth: 2, to: &xml)
        xml += "  </body>\n</opml>\n".utf8
        return xml
    }

    private static func appendOPML(_ node: OutlineNode, depth: Int, to xml: inout [UInt8]) {
        appendIndent(depth, to: &xml)
        xml += "<outline text=\"".utf8
        Markup.appendEscaped(node.text, to: &xml)
        guard !node.children.isEmpty else {
            xml += "\"/>\n".utf8
            return
        }
        xml += "\">\n".utf8
        for child in node.children { appendOPML(child, depth: depth + 1, to: &xml) }
        appendIndent(depth, to: &xml)
        xml += "</outline>\n".utf8
    }

    private static func appendIndent(_ depth: Int, to xml: inout [UInt8]) {
        xml.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// FreeMind 1.0 (also read by Freeplane and XMind): first-level branches alternate right and left.
    package static func freeMind(_ root: OutlineNode) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(16 * 1024)
        xml += "<map version=\"1.0.1\">\n".utf8
        var counter = 0
        appendFreeMind(root, depth: 0, position: nil, counter: &counter, to: &xml)
        xml += "</map>\n".utf8
        return xml
    }

    private static func appendFreeMind(_ node: OutlineNode, depth: Int, position: String?, counter: inout Int,
                                       to xml: inout [UInt8]) {
        counter += 1
        appendIndent(depth + 1, to: &xml)
        xml += "<node ID=\"node-".utf8
        xml += String(counter).utf8
        xml += "\" TEXT=\"".utf8
        Markup.appendEscaped(node.text, to: &xml)
        xml.append(UInt8(ascii: "\""))
        if let position {
            xml += " POSITION=\"".utf8
            xml += position.utf8
            xml.append(UInt8(ascii: "\""))
        }
        if depth >= 2, !node.children.isEmpty { xml += " FOLDED=\"true\"".utf8 }
        guard !node.children.isEmpty else {
            xml += "/>\n".utf8
            return
        }
        xml += ">\n".utf8
        for (index, child) in node.children.enumerated() {
            let side = depth == 0 ? (index % 2 == 0 ? "right" : "left") : nil
            appendFreeMind(child, depth: depth + 1, position: side, counter: &counter, to: &xml)
        }
        appendIndent(depth + 1, to: &xml)
        xml += "</node>\n".utf8
    }
}
