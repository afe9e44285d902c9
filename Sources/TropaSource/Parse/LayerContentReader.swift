import TropaModel

/// Reads the blocks under a layer heading according to the layer's kind.
package struct LayerContentReader {
    package let source: SourceText
    /// The site's language: a suggested metric is named by its title in it.
    package let language: Language

    /// The emoji that may stand for a score, from -2 to 2.
    package static let faces: [Character: Double] = ["😡": -2, "😠": -2, "🙁": -1, "☹️": -1, "😐": 0, "🙂": 1, "😊": 1, "😀": 2, "😃": 2, "😄": 2]

    /// `heading` is the layer's heading as the author wrote it, which messages name it by.
    package func read(_ blocks: [MarkdownNode], as layer: LayerDefinition, heading: String, schema: LayerSchema)
        -> (LayerContent, [Diagnostic]) {
        // A comment hides text on purpose: among a list's items or a layer's scores it is no stray block.
        let blocks = layer.kind == .text ? blocks : blocks.filter { !$0.isComment }
        switch layer.kind {
        case .text:
            return (.text(RichText(blocks: blocks)), [])
        case .list:
            let (items, diagnostics) = listItems(blocks, layer: layer, heading: heading, schema: schema)
            return (.list(items), diagnostics)
        case .emotion:
            let (points, diagnostics) = emotionPoints(blocks)
            return (.emotion(points), diagnostics)
        case .metrics:
            let (values, diagnostics) = metricValues(blocks, heading: heading, schema: schema)
            return (.metrics(values), diagnostics)
        }
    }

    // MARK: - list

    /// The items of the one list a `list` or `metrics` layer must hold; anything else is `list-expected`.
    private func singleList(_ blocks: [MarkdownNode], heading: String) -> ([MarkdownNode], [Diagnostic]) {
        guard !blocks.isEmpty else { return ([], []) }
        if blocks.count == 1, blocks[0].isList { return (blocks[0].children, []) }
        let stray = blocks.first { !$0.isList } ?? blocks[1]
        let message = stray.isList
            ? Message.manyLists(layer: heading, count: blocks.filter(\.isList).count)
            : Message.notAList(layer: heading, found: stray.blockName)
        return (blocks.filter(\.isList).flatMap(\.children),
                [.error(.listExpected, message, at: location(of: stray),
                        suggestion: .writeListItems)])
    }

    /// The entries of a list layer. `####` headings may divide it: each is an entry of its own, in bold, and the
    /// blocks between two of them are one list.
    private func listItems(_ blocks: [MarkdownNode], layer: LayerDefinition, heading: String, schema: LayerSchema)
        -> ([ListItem], [Diagnostic]) {
        var entries: [ListItem] = []
        var diagnostics: [Diagnostic] = []
        var rest = blocks[...]
        while !rest.isEmpty {
            if rest[rest.startIndex].isHeading {
                let divider = rest.removeFirst()
                entries.append(ListItem(text: RichText(html: "<strong>" + divider.inlineHTML + "</strong>",
                                                       plain: divider.plainText),
                                        line: divider.startLine))
                continue
            }
            let part = rest.prefix { !$0.isHeading }
            rest = rest.dropFirst(part.count)
            let (items, problems) = singleList(Array(part), heading: heading)
            diagnostics += problems
            for item in items {
                let (text, tone) = itemText(item, marksTone: layer.tones)
                var entry = ListItem(text: text, tone: tone, line: item.startLine)
                if layer.plan {
                    let at = location(of: item.children.first ?? item)
                    (entry.text, entry.kind, entry.owner) = Self.planParts(text)
                    if let problem = kindProblem(&entry.kind, layer: layer, heading: heading, at: at) {
                        diagnostics.append(problem)
                    }
                    if let problem = ownerProblem(&entry.owner, layer: layer, heading: heading, in: item) {
                        diagnostics.append(problem)
                    }
                    if entry.owner == nil, let owner = Self.misplacedOwner(entry.text) {
                        // Only a one-paragraph item has an owner: moving the name to its end would not do. Of the
                        // owners the schema lists, the one meant.
                        let meant = layer.owners.contains(owner) ? owner : Suggestion.closest(to: owner, among: layer.owners) ?? owner
                        diagnostics.append(.warning(.misplacedOwner, .ownerNotLast(owner), at: location(of: "@" + owner, in: item),
                                                    suggestion: entry.text.blocks.isEmpty ? .moveOwnerToEnd(meant) : .ownerInOneParagraph))
                    }
                }
                // A plan's item names the figure it is to move (`Срок: 2 недели @ivan`): no misplaced value.
                if schema.hasMetricsLayer, !layer.plan, let misplaced = Self.metricOutsideItsLayer(entry.text.plain, schema: schema),
                   let metricsLayer = schema.layers.first(where: { $0.kind == .metrics }) {
                    let title = metricsLayer.title.text(in: language, fallback: metricsLayer.id)
                    diagnostics.append(.warning(.metricOutsideMetrics, .metricInList(item: misplaced, layer: heading, metrics: title),
                                                at: location(of: item.children.first ?? item), suggestion: .moveToLayer(title)))
                }
                entries.append(entry)
            }
        }
        return (entries, diagnostics)
    }

    /// An item that reads as a value of a metric the schema has (`Конверсия: 18%`), which a list layer holds as
    /// text: the figures and the analysis do not see it. Nil for anything else (`NPS: упал после звонка`).
    static func metricOutsideItsLayer(_ text: String, schema: LayerSchema) -> String? {
        // The colon as `MetricReader` finds it (`:` or the full-width `：`), by its byte: every item of every list
        // layer is looked at.
        guard let colon = MetricReader.colon(in: text), schema.metric(named: text[..<colon].trimmingWhitespace()) != nil,
              case .success(let value) = MetricReader.read(text, schema: schema) else { return nil }
        if case .other = value.unit { return nil }
        return text.trimmingWhitespace()
    }

    /// An item's inline Markdown as HTML; with `marksTone`, a leading `+` or `-`/`−` sets its tone.
    private func itemText(_ item: MarkdownNode, marksTone: Bool) -> (RichText, Tone?) {
        var blocks = item.children
        guard let first = blocks.first else { return (.empty, nil) }
        // "- + Быстро" and "- - Долго" are read by Markdown as a list inside the item: its marker is the tone.
        if marksTone, first.isList, let marker = markerCharacter(of: first), let tone = Self.tone(of: marker) {
            return (tonedText(first, after: blocks.dropFirst()), tone)
        }
        var (html, plain) = first.isParagraph ? first.inlineHTMLAndPlainText : (first.html, first.plainText)
        blocks.removeFirst()
        if !blocks.isEmpty {
            html += blocks.map(\.html).joined()
            plain += blocks.map { " " + $0.plainText }.joined()
        }
        // In the outline the item is its first paragraph, with nested lists and further paragraphs under it.
        var outline = blocks.isEmpty && first.isParagraph ? [] : TextBlock.outline(item: item)
        guard marksTone, let sign = plain.first, let tone = Self.tone(of: sign) else {
            return (RichText(html: html.trimmingWhitespace(), plain: plain, blocks: outline), nil)
        }
        if outline.first?.text.first == sign { outline[0].text = String(outline[0].text.dropFirst()).trimmingWhitespace() }
        return (RichText(html: Self.dropSign(html), plain: String(plain.dropFirst()).trimmingWhitespace(), blocks: outline),
                tone)
    }

    /// The text of a list that carries a tone: its first item, with what follows it in the item under it. A list
    /// indented two spaces under `- - Долго` is more items of that list to Markdown, and one under `- + Быстро` a list
    /// beside it (another marker); either way the author wrote it under the toned text, and it is read so.
    private func tonedText(_ list: MarkdownNode, after blocks: ArraySlice<MarkdownNode>) -> RichText {
        let items = list.children
        var text = itemText(items[0], marksTone: false).0
        guard items.count > 1 || !blocks.isEmpty else { return text }
        let more = items.dropFirst()
        var html = more.isEmpty ? "" : "<ul>\n" + more.map(\.html).joined() + "</ul>\n"
        html += blocks.map(\.html).joined()
        let after = more.flatMap { TextBlock.outline(item: $0, depth: 1) } + TextBlock.outline(blocks, depth: 1)
        if items[0].children.first?.isParagraph == true {
            text.blocks = text.outline
            text.blocks[0].children += after
        } else {
            // An item that starts with a quote or code, or holds nothing, has no text to go under: what follows
            // goes after its blocks, in the order the page shows them.
            text.blocks = (text.plain.isEmpty ? [] : text.outline) + after
        }
        text.html = (text.html + html).trimmingWhitespace()
        text.plain = ([text.plain] + more.map(\.plainText) + blocks.map(\.plainText)).filter { !$0.isEmpty }.joined(separator: " ")
        return text
    }

    /// `[SMM] Серия постов @marketing`: the kind in brackets that starts an action and the owner after `@` that
    /// ends it, taken out of its text (both are plain text, so the HTML starts and ends with them as written).
    package static func planParts(_ text: RichText) -> (RichText, kind: String?, owner: String?) {
        var (html, plain, blocks) = (text.html, text.plain, text.blocks)
        var kind: String?, owner: String?
        if plain.first?.isOne(of: "[") == true, let close = plain.firstIndex(where: { $0.isOne(of: "]") }) {
            let marker = String(plain[...close])
            let name = marker.dropFirst().dropLast().trimmingWhitespace()
            let rest = plain[plain.index(after: close)...]
            // The HTML starts with the marker as cmark escapes it.
            let escaped = MarkdownNode.escaped(marker)
            if Self.isKind(name), rest.first?.isWhitespace ?? false, html.hasPrefix(escaped) {
                kind = name
                html = String(html.dropFirst(escaped.count)).trimmingWhitespace()
                plain = rest.trimmingWhitespace()
                // An item with nested blocks has an outline of its own, which starts with the same text.
                if let first = blocks.first?.text, first.hasPrefix(marker) {
                    blocks[0].text = String(first.dropFirst(marker.count)).trimmingWhitespace()
                }
            }
        }
        // Only a one-paragraph item's HTML ends with its text: the owner is read there alone.
        if let at = plain.lastIndex(ofASCII: UInt8(ascii: "@")), at > plain.startIndex,
           plain[plain.index(before: at)].isWhitespace {
            let name = plain[plain.index(after: at)...]
            if Self.isOwnerName(name), name.last != ".", html.hasSuffix("@" + name) {
                owner = String(name)
                html = String(html.dropLast(name.count + 1)).trimmingWhitespace()
                plain = String(plain[..<at]).trimmingWhitespace()
            }
        }
        return (RichText(html: html, plain: plain, blocks: blocks), kind, owner)
    }

    /// What an owner's name is made of: letters, digits, `_`, `-` and `.`.
    static func isOwnerName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
    }

    /// An `@name` after a space that was not read as the action's owner: one with more text after it (`… @marketing
    /// до 15 апреля`) or a mark after it (`@ivan.`), since only the item's last word, as it is, is an owner. An address
    /// (`sales@example.com`) has no space before its `@`; one in code (`` `@x` ``) is left alone.
    static func misplacedOwner(_ text: RichText) -> String? {
        guard text.plain.utf8Offset(of: UInt8(ascii: "@")) != nil else { return nil }
        // The HTML without its code spans: what stays there is text the author wrote as text.
        let outsideCode = text.html.components(separatedBy: "<code>").enumerated()
            .map { $0.offset == 0 ? $0.element : $0.element.components(separatedBy: "</code>").dropFirst().joined() }.joined()
        return text.plain.split(whereSeparator: \.isWhitespace).lazy.filter { $0.first?.isOne(of: "@") == true }
            .map { String($0.dropFirst().reversed().drop { ",;:.!?".contains($0) }.reversed()) }
            .first { isOwnerName($0) && outsideCode.contains("@" + $0) }
    }

    /// What brackets at the start of an action can hold as its kind: up to 40 characters, no bracket or line break.
    package static func isKind(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.count <= 40 && !name.contains { $0 == "[" || $0 == "]" || $0.isNewline }
            && name.trimmingWhitespace() == String(name)
    }

    /// A kind the schema does not list for the layer is kept as written, with a warning; one it lists in another
    /// case or spelling takes the schema's form.
    private func kindProblem(_ kind: inout String?, layer: LayerDefinition, heading: String,
                             at location: SourceLocation) -> Diagnostic? {
        guard let name = kind, !layer.kinds.isEmpty else { return nil }
        if let known = layer.kinds.first(where: { NameKey($0) == NameKey(name) }) {
            kind = known
            return nil
        }
        return .warning(.unknownActionKind, .unknownActionKind(kind: name, layer: heading), at: location,
                        suggestion: Suggestion.help(for: name, among: layer.kinds)
                            ?? .actionKindsAre(layer.kinds))
    }

    /// An owner the schema does not list for the layer is kept as written, with a warning at its `@`; one it lists in
    /// another case takes the schema's form, as a kind does.
    private func ownerProblem(_ owner: inout String?, layer: LayerDefinition, heading: String, in item: MarkdownNode) -> Diagnostic? {
        guard let name = owner, !layer.owners.isEmpty else { return nil }
        if let known = layer.owners.first(where: { NameKey($0) == NameKey(name) }) {
            owner = known
            return nil
        }
        let owners = layer.owners.map { "@" + $0 }
        return .warning(.unknownOwner, .unknownOwner(owner: name, layer: heading), at: location(of: "@" + name, in: item),
                        suggestion: Suggestion.help(for: "@" + name, among: owners) ?? .ownersAre(owners))
    }

    private static func tone(of marker: Character) -> Tone? {
        switch marker {
        case "+": .positive
        case "-", "−", "–": .negative
        default: nil
        }
    }

    /// The HTML without the leading sign (it is escaped text, so it is the first character).
    private static func dropSign(_ html: String) -> String {
        String(html.dropFirst()).trimmingWhitespace()
    }

    private func markerCharacter(of list: MarkdownNode) -> Character? {
        guard let line = source.line(list.startLine) else { return nil }
        let column = source.column(line: list.startLine, byteColumn: list.startByteColumn)
        return line.unicodeScalars.dropFirst(column - 1).first.map(Character.init)
    }

    // MARK: - emotion

    private func emotionPoints(_ blocks: [MarkdownNode]) -> ([EmotionPoint], [Diagnostic]) {
        var points: [EmotionPoint] = []
        var diagnostics: [Diagnostic] = []
        var entries: [(text: String, line: Int, column: Int)] = []
        for block in blocks {
            if block.isList {
                for item in block.children {
                    // "- - 1 Раздражение": the spaced minus is a list's marker to Markdown, and the score positive.
                    if item.children.count == 1, let inner = item.children.first, inner.isList,
                       markerCharacter(of: inner) == "-", let written = inner.children.first,
                       case let text = written.plainText.trimmingWhitespace(), text.first?.isASCIIDigit == true {
                        diagnostics.append(.error(.emotionSyntax, .emotionSpacedMinus(text), at: location(of: inner),
                                                  suggestion: .write("-" + text)))
                        continue
                    }
                    let first = item.children.first ?? item
                    entries.append((item.plainText, first.startLine,
                                    source.column(line: first.startLine, byteColumn: first.startByteColumn)))
                }
            } else if block.isParagraph {
                entries += block.plainLines.enumerated().map { index, text in
                    let line = block.startLine + index
                    return (text, line, index == 0 ? source.column(line: line, byteColumn: block.startByteColumn)
                                                   : firstTextColumn(line: line))
                }
            } else {
                diagnostics.append(.error(.emotionSyntax, .emotionBlock(block.blockName),
                                          at: location(of: block), suggestion: .emotionHelp))
            }
        }
        for entry in entries {
            let text = entry.text.trimmingWhitespace()
            let column = entry.column
            guard let (score, label) = Self.emotion(text) else {
                diagnostics.append(.error(.emotionSyntax, .emotionNoScore(text),
                                          at: SourceLocation(file: source.path, line: entry.line, column: column),
                                          suggestion: .emotionHelp))
                continue
            }
            points.append(EmotionPoint(score: score, label: label, line: entry.line, column: column))
        }
        return (points, diagnostics)
    }

    /// `SCORE LABEL` or `FACE LABEL`.
    package static func emotion(_ text: String) -> (Double, String)? {
        if let face = text.first, let score = faces[face] {
            return (score, label(text.dropFirst()))
        }
        guard let (score, rest) = NumberReader.leadingNumber(text[...]) else { return nil }
        guard rest.isEmpty || rest.first!.isWhitespace || rest.first!.isOne(of: ":—–-.,") else { return nil }
        return (score, label(rest))
    }

    /// The label after a score, without the separators `emotion` accepts after it (`:`, `—`, `,` …).
    private static func label(_ rest: Substring) -> String {
        String(rest.drop { $0.isWhitespace || $0.isOne(of: ":—–-.,") }).trimmingWhitespace()
    }

    // MARK: - metrics

    private func metricValues(_ blocks: [MarkdownNode], heading: String, schema: LayerSchema)
        -> ([MetricValue], [Diagnostic]) {
        let (items, listDiagnostics) = singleList(blocks, heading: heading)
        var diagnostics = listDiagnostics
        var values: [MetricValue] = []
        // The line of each metric's first entry: a second one of the same metric is reported, the first one counts.
        var firstLines: [String: Int] = [:]
        for item in items {
            let first = item.children.first ?? item
            let line = first.startLine
            let text = item.plainText.trimmingWhitespace()
            let at = SourceLocation(file: source.path, line: line,
                                    column: source.column(line: line, byteColumn: first.startByteColumn))
            switch MetricReader.read(text, schema: schema) {
            case .success(let value):
                var value = value
                value.line = line
                value.column = at.column
                if value.metricID == nil, let close = Suggestion.metric(for: value.name, in: schema, language: language) {
                    diagnostics.append(.warning(.unknownMetric, .unknownMetric(value.name),
                                                at: at, suggestion: .closest(close, to: value.name)))
                }
                if let share = MetricReader.percentWarning(text, value: value, schema: schema, at: at, item: true) {
                    diagnostics.append(share)
                }
                if let earlier = firstLines[value.key] {
                    diagnostics.append(.warning(.duplicateMetric, .metricTwice(value.name, firstLine: earlier),
                                                at: at, suggestion: .oneEntryPerMetric))
                } else {
                    firstLines[value.key] = line
                }
                values.append(value)
            case .failure(let problem):
                diagnostics.append(.error(.metricSyntax, problem.message(text), at: at, suggestion: problem.help))
            }
        }
        return (values, diagnostics)
    }

    // MARK: - positions

    private func location(of block: MarkdownNode) -> SourceLocation {
        SourceLocation(file: source.path, line: block.startLine,
                       column: source.column(line: block.startLine, byteColumn: block.startByteColumn))
    }

    /// Where `text` is first written on the lines of `block` (the word a diagnostic is about); where the block starts
    /// when it is not found as written.
    private func location(of text: String, in block: MarkdownNode) -> SourceLocation {
        for line in block.startLine...max(block.startLine, block.endLine) {
            guard let written = source.line(line), let found = written.range(of: text) else { continue }
            return SourceLocation(file: source.path, line: line, column: written[..<found.lowerBound].count + 1)
        }
        return location(of: block)
    }

    /// The column of the first character on `line` that is not white space (a continuation line of a paragraph).
    private func firstTextColumn(line: Int) -> Int {
        guard let text = source.line(line) else { return 1 }
        return text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count + 1
    }
}
