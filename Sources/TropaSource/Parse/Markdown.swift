import TropaModel
import CCmark
import Foundation

/// A Markdown text parsed by cmark, kept alive while its nodes are read.
package final class MarkdownDocument {
    private let root: OpaquePointer
    /// Options for rendering: raw HTML is omitted unless the site opts in.
    package let renderOptions: Int32

    package init(_ text: String, unsafeHTML: Bool) {
        let options = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        renderOptions = options
        var text = text
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS | options)
            }
        }
    }

    deinit { cmark_node_free(root) }

    package var blocks: [MarkdownNode] { MarkdownNode(root, renderOptions).children }

    /// Gives every link's and image's destination, with the line and UTF-8 byte column of its `[` or `![`, to
    /// `rewrite`, and puts what it returns in its place (nil leaves it): the HTML rendered afterwards links there.
    /// `linePrefix` gives the bytes before a line's text (its spaces, tabs and quote marks `>`).
    package func rewriteLinks(linePrefix: (Int) -> Int,
                              _ rewrite: (_ url: String, _ line: Int, _ byteColumn: Int) -> String?) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if let href = rewrite(String(cString: url), line, Self.byteColumn(of: node, linePrefix: linePrefix)) {
                cmark_node_set_url(node, href)
            }
        }
    }

    /// Raw HTML the pages leave out (the site does not allow it), the first of each paragraph, heading or HTML
    /// block, with its line and UTF-8 byte column (`linePrefix` as for `rewriteLinks`). A comment is hidden on
    /// purpose, and not listed; what stands beside it is.
    package func omittedHTML(linePrefix: (Int) -> Int) -> [(html: String, line: Int, byteColumn: Int)] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [(html: String, line: Int, byteColumn: Int)] = []
        var reported: Set<OpaquePointer> = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE,
                  let literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { continue }
            let html = Self.withoutComments(literal).trimmingWhitespace()
            guard !html.isEmpty, reported.insert(Self.enclosingBlock(of: node) ?? node).inserted else { continue }
            found.append((html, Int(cmark_node_get_start_line(node)), Self.byteColumn(of: node, linePrefix: linePrefix)))
        }
        return found
    }

    /// `html` without its comments (`<!-- … -->`), which hide text on purpose; an unclosed one runs to the end.
    fileprivate static func withoutComments(_ html: String) -> String {
        var rest = html[...], kept = ""
        while let open = rest.range(of: "<!--") {
            kept += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return kept }
            rest = rest[close.upperBound...]
        }
        return kept + rest
    }

    /// Where an inline node starts: cmark counts a column on a paragraph's later line as if that line's text began
    /// where the paragraph's first line does.
    private static func byteColumn(of node: OpaquePointer, linePrefix: (Int) -> Int) -> Int {
        let line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        if let block = enclosingBlock(of: node), line > Int(cmark_node_get_start_line(block)) {
            column += linePrefix(line) - (Int(cmark_node_get_start_column(block)) - 1)
        }
        return column
    }

    /// The paragraph or heading an inline node is in.
    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var parent = cmark_node_parent(node)
        while let block = parent {
            let type = cmark_node_get_type(block)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { return block }
            parent = cmark_node_parent(block)
        }
        return nil
    }

    /// The lines of every code block and HTML block, at any depth: text there is shown as written.
    package var verbatimLines: [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        guard let iterator = cmark_iter_new(root) else { return ranges }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let start = Int(cmark_node_get_start_line(node))
            ranges.append(start...max(start, Int(cmark_node_get_end_line(node))))
        }
        return ranges
    }
}

/// A node of a parsed document; valid while its `MarkdownDocument` lives.
package struct MarkdownNode {
    private let pointer: OpaquePointer
    private let renderOptions: Int32

    fileprivate init(_ pointer: OpaquePointer, _ renderOptions: Int32) {
        self.pointer = pointer
        self.renderOptions = renderOptions
    }

    package var type: cmark_node_type { cmark_node_get_type(pointer) }
    package var isHeading: Bool { type == CMARK_NODE_HEADING }
    package var isList: Bool { type == CMARK_NODE_LIST }
    package var isParagraph: Bool { type == CMARK_NODE_PARAGRAPH }
    /// An HTML block of comments alone (`<!-- TODO -->`): text hidden on purpose, no part of a layer's content.
    package var isComment: Bool {
        guard type == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(pointer) else { return false }
        return MarkdownDocument.withoutComments(String(cString: literal)).trimmingWhitespace().isEmpty
    }
    package var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    package var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    package var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    /// Whether the heading is text underlined with `---` or `===` (setext), not written with `#` marks on one line.
    package var isUnderlinedHeading: Bool { isHeading && Int(cmark_node_get_end_line(pointer)) > startLine }
    /// The UTF-8 byte column where the node starts.
    package var startByteColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// What kind of block this is, in words an author knows.
    package var blockName: Message.Block {
        switch type {
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_BLOCK_QUOTE: .quote
        case CMARK_NODE_CODE_BLOCK: .code
        case CMARK_NODE_HTML_BLOCK: .html
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .rule
        default: .other
        }
    }

    package var children: [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            nodes.append(MarkdownNode(node, renderOptions))
            child = cmark_node_next(node)
        }
        return nodes
    }

    /// The node as HTML (block nodes end with a line break).
    package var html: String {
        if type == CMARK_NODE_PARAGRAPH, let text = textAlone {
            // cmark writes a paragraph of a tight list without `<p>`.
            return isInTightList ? Self.escaped(text) : "<p>" + Self.escaped(text) + "</p>\n"
        }
        return renderedHTML
    }

    /// The node as cmark's renderer writes it.
    package var renderedHTML: String {
        guard let rendered = cmark_render_html(pointer, renderOptions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The inline HTML and the plain text of a paragraph, read once when it is text alone.
    package var inlineHTMLAndPlainText: (html: String, plain: String) {
        if type == CMARK_NODE_PARAGRAPH, let text = textAlone { return (Self.escaped(text), text) }
        return (inlineHTML, walkedPlainText)
    }

    /// The node's inline content as HTML, without the wrapping `<p>` of a paragraph or `<h2>` of a heading: the
    /// node rendered once and its wrapper cut off, where each child rendered alone took a renderer of its own.
    package var inlineHTML: String {
        let wrapper: (open: String, close: String)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            if let text = textAlone { return Self.escaped(text) }
            // cmark writes a paragraph of a tight list without `<p>`.
            if isInTightList { return html }
            wrapper = ("<p>", "</p>\n")
        case CMARK_NODE_HEADING:
            wrapper = ("<h\(headingLevel)>", "</h\(headingLevel)>\n")
        default:
            return children.map(\.html).joined()
        }
        let whole = html
        guard whole.utf8.count >= wrapper.open.utf8.count + wrapper.close.utf8.count,
              whole.utf8.starts(with: wrapper.open.utf8), whole.utf8.reversed().starts(with: wrapper.close.utf8.reversed())
        else { return children.map(\.html).joined() }
        let utf8 = whole.utf8
        return String(whole[utf8.index(utf8.startIndex, offsetBy: wrapper.open.utf8.count)
                            ..< utf8.index(utf8.endIndex, offsetBy: -wrapper.close.utf8.count)])
    }

    /// Whether this is a paragraph of an item of a tight list (its items not apart by blank lines).
    private var isInTightList: Bool {
        guard let parent = cmark_node_parent(pointer), let list = cmark_node_parent(parent),
              cmark_node_get_type(list) == CMARK_NODE_LIST else { return false }
        return cmark_node_get_list_tight(list) != 0
    }

    /// The text of a paragraph or heading of text alone (no emphasis, link, code or line break), or of a list item
    /// that is one such paragraph, read once as cmark holds it; nil for any other node. Most items and cells are one:
    /// its HTML is that text escaped, made without a renderer (rendering each, and reading the HTML back, was 1.2 %
    /// of a cold build), and its plain text is the same string.
    private var textAlone: String? {
        var paragraph = pointer
        switch type {
        case CMARK_NODE_ITEM:
            guard let only = cmark_node_first_child(pointer), cmark_node_next(only) == nil,
                  cmark_node_get_type(only) == CMARK_NODE_PARAGRAPH else { return nil }
            paragraph = only
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            break
        default:
            return nil
        }
        var child = cmark_node_first_child(paragraph)
        guard child != nil else { return nil }
        var text = ""
        while let node = child {
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { return nil }
            if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            child = cmark_node_next(node)
        }
        return text
    }

    /// Text escaped as cmark escapes it in HTML: `&`, `<`, `>` and `"`; most text has none of them, and is returned
    /// as it is.
    package static func escaped(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in
            !bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
        }
        if plain { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The text a reader sees, without markup; line breaks become spaces.
    package var plainText: String { textAlone ?? walkedPlainText }

    /// The plain text, read from every node of the tree.
    package var walkedPlainText: String {
        var text: [UInt8] = []
        walkPlainText(appending: { text.append(contentsOf: $0) }, lineBreak: { text.append(UInt8(ascii: " ")) })
        return String(decoding: text, as: UTF8.self)
    }

    /// The text a reader sees, one entry per source line (split at soft and hard breaks).
    package var plainLines: [String] {
        var lines: [[UInt8]] = [[]]
        walkPlainText(appending: { lines[lines.count - 1].append(contentsOf: $0) }, lineBreak: { lines.append([]) })
        return lines.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The plain text's pieces in order, as cmark holds them (a string made of each, then joined, was 2 % of a
    /// cold build), and where a line ends.
    private func walkPlainText(appending: (UnsafeBufferPointer<UInt8>) -> Void, lineBreak: () -> Void) {
        // cmark's iterator walks the tree without recursion: quotes or emphasis nested tens of thousands deep
        // would overflow the stack of a recursive walk (and parallel workers have small stacks).
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let entered = cmark_iter_get_node(iterator) else { continue }
            let node = MarkdownNode(entered, renderOptions)
            // A block after its sibling starts a line of its own.
            if entered != pointer, cmark_node_previous(entered) != nil, !node.isInline { lineBreak() }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(entered) {
                    appending(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                lineBreak()
            default:
                break
            }
        }
    }

    private var isInline: Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE:
            true
        default:
            false
        }
    }
}

extension RichText {
    /// The HTML, plain text and outline of a run of blocks.
    package init(blocks: [MarkdownNode]) {
        let plain = blocks.map(\.plainText).joined(separator: " ")
        // One paragraph is one node, its plain text: no need to walk it again.
        let outline = blocks.count == 1 && blocks[0].isParagraph ? [] : TextBlock.outline(blocks)
        self.init(html: blocks.map(\.html).joined(), plain: plain, blocks: outline)
    }
}

extension TextBlock {
    /// Blocks nested deeper than this (quotes in quotes, lists in lists) become one node of their plain text:
    /// the outline and its writers recurse, and Markdown may nest thousands deep.
    package static let maximumDepth = 16

    /// Every paragraph a node; every list item a node, with what it holds after its first paragraph as children;
    /// a quote's blocks in its place. Blocks without text (a rule, raw HTML) give no node.
    package static func outline(_ blocks: some Sequence<MarkdownNode>, depth: Int = 0) -> [TextBlock] {
        blocks.flatMap { block -> [TextBlock] in
            guard depth < maximumDepth else { return leaf(block) }
            switch block.type {
            case CMARK_NODE_LIST: return block.children.flatMap { outline(item: $0, depth: depth + 1) }
            case CMARK_NODE_BLOCK_QUOTE: return outline(block.children, depth: depth + 1)
            default: return leaf(block)
            }
        }
    }

    /// A list item: its first paragraph with the rest as children; an item that starts with another block
    /// (a nested list, code) has no text of its own, so its blocks stand in its place.
    package static func outline(item: MarkdownNode, depth: Int = 0) -> [TextBlock] {
        guard depth < maximumDepth else { return leaf(item) }
        let blocks = item.children
        guard let first = blocks.first, first.isParagraph else { return outline(blocks, depth: depth + 1) }
        return [TextBlock(first.plainText.trimmingWhitespace(), outline(blocks.dropFirst(), depth: depth + 1))]
    }

    private static func leaf(_ block: MarkdownNode) -> [TextBlock] {
        let text = block.plainText.trimmingWhitespace()
        return text.isEmpty ? [] : [TextBlock(text)]
    }
}

extension MarkdownDocument {
    /// What the pages leave out of `body` (the document's text) when the site does not allow HTML: raw HTML and
    /// links that would run a script, each a warning.
    package func omittedWarnings(_ body: String, source: SourceText) -> [Diagnostic] {
        omittedHTMLWarnings(body, source: source) + omittedLinkWarnings(body, source: source)
    }

    /// `link-omitted` warnings for the links and images whose destination cmark leaves out of the pages (an empty
    /// `href`) when the site does not allow HTML: what would run a script or read a local file.
    private func omittedLinkWarnings(_ body: String, source: SourceText) -> [Diagnostic] {
        guard Self.mayNameLeftOutLinks(body) else { return [] }
        var warnings: [Diagnostic] = []
        rewriteLinks(linePrefix: source.textStart) { url, line, byteColumn in
            if Self.leftOut(url) {
                let shown = url.shortened(to: 60)
                let column = Self.autolinkColumn(of: url, in: source.line(line), at: byteColumn) ?? byteColumn
                warnings.append(.warning(.linkOmitted, .linkOmitted(shown),
                                         at: SourceLocation(file: source.path, line: line, column: source.column(line: line, byteColumn: column)),
                                         suggestion: .linkToWebAddress))
            }
            return nil
        }
        return warnings
    }

    /// The byte column of `<url>` on its line when the link is that autolink: cmark gives an autolink its column in
    /// the paragraph's text, not on the line, so where `[` or `!` does not stand there, the `<` is looked for.
    private static func autolinkColumn(of url: String, in line: Substring?, at byteColumn: Int) -> Int? {
        guard let line, case let bytes = Array(line.utf8), byteColumn >= 1, byteColumn <= bytes.count,
              bytes[byteColumn - 1] != UInt8(ascii: "["), bytes[byteColumn - 1] != UInt8(ascii: "!"),
              let found = line.range(of: "<" + url) else { return nil }
        return line.utf8.distance(from: line.startIndex, to: found.lowerBound) + 1
    }

    /// Whether `text` may hold a link cmark's safe mode empties: a `script:`, `file:` or `data:` in any case, or an
    /// entity or a backslash escape, which cmark decodes before it looks (`javascript&#58;`, `javascript\:`).
    /// Every map is asked and hardly any has one: `memchr` finds each colon, and the bytes before it are compared.
    private static func mayNameLeftOutLinks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            if memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "\\")), bytes.count) != nil {
                return true
            }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: ":")), bytes.count - start) {
                let colon = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                for word in leftOutSchemeEnds where colon >= word.count {
                    let before = bytes[(colon - word.count)..<colon]
                    if zip(before, word).allSatisfy({ ($0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0) == $1 }) { return true }
                }
                start = colon + 1
            }
            return false
        }
    }

    /// The ends of the schemes cmark empties, before their colon: `javascript` and `vbscript` end in `script`.
    private static let leftOutSchemeEnds: [[UInt8]] = ["script", "file", "data"].map { Array($0.utf8) }

    /// Whether cmark's safe mode empties a link to `url`: `javascript:`, `vbscript:`, `file:`, and `data:` but for
    /// a PNG, GIF, JPEG or WebP image.
    package static func leftOut(_ url: String) -> Bool {
        let lower = url.trimmingWhitespace().lowercased()
        if ["javascript:", "vbscript:", "file:"].contains(where: lower.hasPrefix) { return true }
        guard lower.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lower.hasPrefix)
    }

    /// `html-omitted` warnings for the raw HTML the pages leave out of `body` (the document's text), each with the
    /// HTML's first line.
    private func omittedHTMLWarnings(_ body: String, source: SourceText) -> [Diagnostic] {
        guard body.utf8Offset(of: UInt8(ascii: "<")) != nil else { return [] }
        return omittedHTML(linePrefix: source.textStart).map { html, line, byteColumn in
            let first = html.prefix { $0 != "\n" }
            let quoted = first.count <= 60 && first.count == html.count ? html : String(first.prefix(60)) + "…"
            return .warning(.htmlOmitted, .htmlOmitted(quoted),
                            at: SourceLocation(file: source.path, line: line, column: source.column(line: line, byteColumn: byteColumn)),
                            suggestion: .markdownOrUnsafeHTML)
        }
    }
}

extension SourceText {
    /// The bytes before a line's text: its spaces, tabs and quote marks. A later line of a paragraph never starts
    /// with `>` (that would begin a quote), so every `>` there is a quote's mark.
    package func textStart(ofLine number: Int) -> Int {
        withBytes(ofLine: number) { $0.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }.count } ?? 0
    }

    /// Where a heading's text starts: past the `#` marks, as the reader sees it.
    package func headingLocation(of block: MarkdownNode) -> SourceLocation {
        let line = block.startLine
        // Indent, `#` marks and spaces are ASCII, so their byte count is the text's character column.
        let marked = withBytes(ofLine: line) { bytes -> Int? in
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            let marks = bytes.dropFirst(indent).prefix { $0 == UInt8(ascii: "#") }.count
            guard marks > 0 else { return nil }
            let spaces = bytes.dropFirst(indent + marks).prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            return indent + marks + spaces + 1
        }
        return SourceLocation(file: path, line: line, column: marked.flatMap { $0 } ?? column(line: line, byteColumn: block.startByteColumn))
    }
}
