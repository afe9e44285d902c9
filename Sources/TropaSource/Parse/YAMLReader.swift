import TropaModel
import CYaml
import Foundation
import Yams

/// Reads a YAML text with Yams and turns what goes wrong into diagnostics at the author's line:
/// syntax errors at the YAML parser's position, type errors at the value (or its key, for a value on the lines below).
package struct YAMLReader {
    package let file: String
    /// Lines before the YAML text in its file (front-matter starts on line 2).
    package let lineOffset: Int
    package let syntaxCode: DiagnosticCode
    package let typeCode: DiagnosticCode
    private(set) var diagnostics: [Diagnostic] = []
    /// The position just past the composed text's last character, 1-based.
    private var end: (line: Int, column: Int)?
    /// The composed text's lines, for what its nodes do not say (where a plain text goes on).
    private var lines: [Substring] = []

    package init(file: String, lineOffset: Int, syntaxCode: DiagnosticCode, typeCode: DiagnosticCode) {
        self.file = file
        self.lineOffset = lineOffset
        self.syntaxCode = syntaxCode
        self.typeCode = typeCode
    }

    /// A key of a mapping with its value and where the key stands.
    package struct Field {
        package let key: String
        package let value: Node
        package let location: SourceLocation
    }

    /// The document's root node, or nil (with a diagnostic) when it does not parse; nil without one when empty.
    package mutating func compose(_ text: String) -> Node? {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        end = (lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1)
        // An alias is written `*name`: without a `*` there is none, and libyaml's events are not read twice.
        if text.utf8Offset(of: UInt8(ascii: "*")) != nil, let (line, column) = Self.aliasInKey(text) {
            diagnostics.append(.error(syntaxCode, .aliasInKey, at: location(line: line, column: column),
                                      suggestion: .writeKeyOut))
            return nil
        }
        do {
            // The encoding is named: Yams's default looks it up on every call. The basic resolver: the default one
            // matched each key, which Yams hashes to find duplicates, against seven regular expressions (ICU's,
            // set up on first use), and the readers never ask a tag (`Node.bool` reads the value's own). The one value
            // that differs is an alias of an anchored key (`&k yes: x`, `draft: *k`): it shares the key's tag, which the
            // basic resolver makes text.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(syntaxDiagnostic(error, in: text))
        } catch {
            diagnostics.append(.error(syntaxCode, .yamlUnreadable("\(error)"), at: location(line: 1)))
        }
        return nil
    }

    /// Where an alias stands inside a mapping key, 1-based; nil when none does, or when the text does not parse
    /// (Yams then says why).
    /// Yams hashes every key to find duplicates, and a key made of aliases of aliases ("billion laughs") expands to
    /// billions of nodes whose hashing never ends; libyaml's events show such a key before Yams builds it.
    package static func aliasInKey(_ text: String) -> (line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { buffer -> (Int, Int)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Open collections: whether each is a mapping waiting for a key, and whether it is inside a key.
            var frames: [(mapping: Bool, keyNext: Bool, inKey: Bool)] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT, YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    var inKey = false
                    if let top = frames.indices.last {
                        inKey = frames[top].inKey || (frames[top].mapping && frames[top].keyNext)
                        if frames[top].mapping { frames[top].keyNext.toggle() }
                    }
                    if event.type == YAML_ALIAS_EVENT, inKey {
                        return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                    }
                    if event.type != YAML_ALIAS_EVENT, event.type != YAML_SCALAR_EVENT {
                        frames.append((event.type == YAML_MAPPING_START_EVENT, true, inKey))
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    frames.removeLast()
                default:
                    break
                }
            }
            return nil
        }
    }

    /// The fields of a mapping, in file order; a non-mapping root is a type error.
    package mutating func fields(of node: Node, what: Message.Part) -> [Field] {
        guard let mapping = node.mapping else {
            typeError(node, .notMapping(what))
            return []
        }
        return mapping.map { key, value in
            Field(key: key.scalar?.string ?? "", value: value, location: location(of: key))
        }
    }

    /// Reports keys outside `known` as warnings with the closest known key as a suggestion, or the key a Russian word
    /// stands for.
    package mutating func warnUnknownKeys(_ fields: [Field], known: [String], code: DiagnosticCode = .unknownKey,
                                  what: Message.Part) {
        for field in fields where !known.contains(field.key) {
            let suggestion = Suggestion.help(for: field.key, among: known)
                ?? KeyWords.key(for: field.key, among: known).map(Message.keyInEnglish)
            diagnostics.append(.warning(code, .unknownKey(what, field.key), at: field.location,
                                        suggestion: suggestion ?? .knownKeys(known)))
        }
    }

    /// A text value: any scalar but null; numbers and dates are taken as written.
    package mutating func string(_ field: Field) -> String? {
        guard let scalar = field.value.scalar, field.value.null == nil || scalar.style != .plain else {
            typeError(field, .shouldBeText(field.key))
            return nil
        }
        return scalar.string
    }

    package mutating func bool(_ field: Field) -> Bool? {
        guard field.value.scalar != nil, let value = field.value.bool else {
            // `draft: "yes"` is a text: the words without quotes are the booleans.
            typeError(field, .shouldBeBool(field.key, describe(field.value)), suggestion: .writeBool(field.key))
            return nil
        }
        return value
    }

    package mutating func number(_ node: Node, key: String) -> Double? {
        guard node.scalar != nil, let value = node.float else {
            typeError(node, .shouldBeNumber(key, describe(node)))
            return nil
        }
        return value
    }

    /// A list of texts; a single text is taken as a list of one.
    package mutating func strings(_ field: Field) -> [String]? {
        if let sequence = field.value.sequence {
            var values: [String] = []
            for item in sequence {
                guard let scalar = item.scalar, item.null == nil else {
                    typeError(item, .itemsShouldBeTexts(field.key))
                    return nil
                }
                values.append(scalar.string)
                warnContinuedItem(item, key: field.key)
            }
            return values
        }
        if let scalar = field.value.scalar, field.value.int == nil, field.value.float == nil, field.value.bool == nil,
           field.value.null == nil {
            return [scalar.string]
        }
        typeError(field, .shouldBeList(field.key, describe(field.value)))
        return nil
    }

    /// `- a` and under it `   - b`, further right than the dash of `- a`: YAML reads one item, "a - b" (a plain text
    /// goes on over the lines below it that stand further right, and a dash inside it is text). Each such line is
    /// warned of.
    private mutating func warnContinuedItem(_ item: Node, key: String) {
        guard let scalar = item.scalar, scalar.style == .plain, scalar.string.contains("-"), let mark = item.mark,
              (1...lines.count).contains(mark.line) else { return }
        // The item's own dash: the last before its text (in `- - a`, the inner list's).
        let itemLine = Array(lines[mark.line - 1].unicodeScalars)
        guard let dash = itemLine.prefix(max(0, mark.column - 1)).lastIndex(of: "-") else { return }
        for index in mark.line..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            let spaces = line.prefix { $0 == " " }.count
            let start = line.firstIndex { $0 != " " && $0 != "\t" } ?? line.count
            if start == line.count { continue }  // a blank line goes on the text, as a line break
            // A line no further right than the dash, or a comment, ends the text.
            guard spaces > dash, line[start] != "#" else { return }
            guard line[start] == "-", start + 1 == line.count || line[start + 1] == " " || line[start + 1] == "\t" else { continue }
            var written = String(String.UnicodeScalarView(line[start...]))
            if let comment = written.range(of: " #") { written = String(written[..<comment.lowerBound]) }
            written = written.trimmingWhitespace()
            // A blank line in the text is a line break in it: shown as one, so the message stays on its line.
            let item = scalar.string.replacingOccurrences(of: "\n", with: " ⏎ ")
            diagnostics.append(.warning(.listItemContinued, .listItemContinued(key: key, line: written, item: item),
                                        at: location(line: index + 1, column: start + 1), suggestion: .alignDash(written)))
        }
    }

    /// The tags of a map or persona: a list of texts. One text with commas (`tags: saas, b2b`) is one tag, with a
    /// warning that shows the list it was probably meant to be; a tag in typographic quotes is warned of too.
    package mutating func tags(_ field: Field) -> [String]? {
        guard let tags = strings(field) else { return nil }
        if field.value.sequence == nil, let scalar = field.value.scalar, scalar.style == .plain, tags[0].contains(",") {
            let items = (TypographicQuotes.unwrapped(tags[0]) ?? tags[0]).split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            diagnostics.append(.warning(.tagsAsText, .tagsAsText(key: field.key, tag: tags[0]),
                                        at: location(of: field.value),
                                        suggestion: .writeList(key: field.key, items: items)))
        }
        for (item, tag) in zip(field.value.sequence.map(Array.init) ?? [field.value], tags) {
            warnTypographicQuotes(item, .tag(tag))
            // An empty tag would be a link without text to a page without a title.
            if tag.trimmingWhitespace().isEmpty {
                diagnostics.append(.error(.frontMatterType, .emptyTag(key: field.key), at: location(of: item),
                                          suggestion: .nameOrRemoveTag))
            }
        }
        return tags.filter { !$0.trimmingWhitespace().isEmpty }
    }

    /// A value wholly inside typographic quotes (`‘b2b’`, `«saas»`, what word processors type for "…") is read
    /// with the quotes as part of the text; `what` names the value (the persona «head-of-sales»).
    package mutating func warnTypographicQuotes(_ node: Node, _ what: Message.Quoted) {
        guard let scalar = node.scalar, scalar.style == .plain, let pair = TypographicQuotes.wrapping(scalar.string),
              let inner = TypographicQuotes.unwrapped(scalar.string) else {
            return
        }
        diagnostics.append(.warning(.typographicQuotes, .quotedValue(what, pair: pair),
                                    at: location(of: node), suggestion: .writeWithoutQuotes(inner)))
    }

    /// A `[low, high]` pair of numbers with low below high.
    package mutating func range(_ field: Field) -> ClosedRange<Double>? {
        guard let items = field.value.sequence, items.count == 2 else {
            typeError(field, .rangeOfTwo(field.key))
            return nil
        }
        guard let low = number(items[0], key: field.key), let high = number(items[1], key: field.key) else {
            return nil
        }
        // Beyond this a figure cannot be printed (and NaN or infinity would break the curve's geometry).
        guard ClosedRange.printable.contains(low), ClosedRange.printable.contains(high) else {
            typeError(field, .rangeTooWide(field.key))
            return nil
        }
        guard low < high else {
            typeError(field, .rangeReversed(key: field.key, low: low.compactText, high: high.compactText))
            return nil
        }
        return low...high
    }

    /// At the value, which is what is wrong.
    package mutating func typeError(_ field: Field, _ message: Message, suggestion: Message? = nil) {
        diagnostics.append(.error(typeCode, message, at: valueLocation(field), suggestion: suggestion))
    }

    /// Where a field's value starts: on the key's line, or the key's place when the value stands on the lines
    /// below it (a list, a mapping) or has no place (an empty value).
    package func valueLocation(_ field: Field) -> SourceLocation {
        guard field.value.mark != nil else { return field.location }
        let at = location(of: field.value)
        return at.line == field.location.line ? at : field.location
    }

    package mutating func typeError(_ node: Node, _ message: Message) {
        diagnostics.append(.error(typeCode, message, at: location(of: node)))
    }

    package mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    package func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location(line: 1) }
        return location(line: mark.line, column: mark.column)
    }

    package func location(line: Int, column: Int = 1) -> SourceLocation {
        // libyaml places the end of a text without a final line break (an error there, or the empty node of a
        // lone "---") at the start of a line after it, which the file does not have: that is the end of the text.
        if let end, line > end.line { return SourceLocation(file: file, line: end.line + lineOffset, column: end.column) }
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    private func describe(_ node: Node) -> Message.Value {
        if let scalar = node.scalar { return .text(scalar.string) }
        return node.sequence != nil ? .list : .mapping
    }

    private func syntaxDiagnostic(_ error: YamlError, in text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // An unclosed quote runs to the end of the text; where it opens is where the author must look.
            if let context, context.text.contains("quoted scalar"), problem.contains("end of stream"),
               let quote = character(in: text, line: context.mark.line, column: context.mark.column) {
                return .error(syntaxCode, .quoteUnclosed(String(quote)),
                              at: location(line: context.mark.line, column: context.mark.column),
                              suggestion: .closeQuote(String(quote)))
            }
            let detail = context.map { "\($0.text), \(problem)" } ?? problem
            // A list or a mapping in brackets left open, and a line without a colon, are found where the next
            // key begins: where the author must look is where they open, which libyaml gives as the context.
            if let context, let opened = lines(of: text, line: context.mark.line) {
                let at = location(line: context.mark.line, column: context.mark.column)
                let (open, close): (Character, Character) = context.text.contains("flow sequence") ? ("[", "]") : ("{", "}")
                // Left open: no bracket closes it anywhere after; on its own line alone, closing that line is the fix
                // (a list over several lines only lacks a comma, and is told where libyaml found that).
                let rest = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(context.mark.line - 1).joined()
                if context.text.contains("flow sequence") || context.text.contains("flow mapping"), problem.contains("did not find expected ','"),
                   rest.count(where: { $0 == open }) > rest.count(where: { $0 == close }) {
                    let oneLine = opened.count(where: { $0 == open }) > opened.count(where: { $0 == close })
                        && !opened.trimmingWhitespace().hasSuffix(String(open))
                    return .error(syntaxCode, .yamlSyntax(detail), at: at,
                                  suggestion: oneLine ? .write(opened.trimmingWhitespace() + String(close)) : nil)
                }
                if context.text.contains("simple key"), problem.contains("could not find expected ':'") {
                    return .error(syntaxCode, .yamlSyntax(detail), at: at, suggestion: .lineWithoutColon(opened.trimmingWhitespace()))
                }
            }
            let line = lines(of: text, line: mark.line)
            let atTab = line.flatMap { character(in: $0, column: mark.column) } == "\t"
            return .error(syntaxCode, .yamlSyntax(detail),
                          at: location(line: mark.line, column: mark.column),
                          suggestion: line.flatMap(TypographicQuotes.hint) ?? line.flatMap { indentedKey($0, problem: problem) }
                              ?? yamlHint(problem, atTab: atTab))
        case let .duplicatedKeysInMapping(duplicates, context):
            // At the key written again, most often the one just added, not where the mapping starts.
            let again = duplicates.first.flatMap { Self.secondLine(ofKey: $0, in: text) }
            return .error(syntaxCode, .keyTwice(duplicates),
                          at: again.map { location(line: $0, column: 1) }
                              ?? location(line: context.mark.line, column: context.mark.column),
                          suggestion: .keepOne)
        case let .reader(problem, _, _, _):
            return .error(syntaxCode, .yamlUnreadable(problem), at: location(line: 1))
        default:
            return .error(syntaxCode, .yamlSyntax("\(error)"), at: location(line: 1))
        }
    }

    /// The 1-based line where `key` starts a line of `text` (unindented, before a colon) the second time.
    private static func secondLine(ofKey key: String, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let starts = lines.indices.filter { index in
            let line = lines[index]
            guard line.hasPrefix(key) else { return false }
            return line.dropFirst(key.count).drop { $0 == " " }.first == ":"
        }
        return starts.count > 1 ? starts[1] + 1 : nil
    }

    /// `␠␠persona: x` under `title: y` in a front-matter, or `␠language: ru` in `tropa.yml`: a key indented under a
    /// key that has its value already, which the parser reports as a colon where none may stand; the help says to
    /// start the line with the key. Any other word before the colon is a value wrapped onto the next line, which
    /// quoting mends.
    private func indentedKey(_ line: Substring, problem: String) -> Message? {
        let keys = switch syntaxCode {
        case .frontMatterSyntax: JourneyParser.frontMatterKeys + PersonaParser.frontMatterKeys
        case .configInvalid: ConfigParser.keys
        default: [String]()
        }
        guard !keys.isEmpty, problem.contains("mapping values are not allowed"),
              line.first == " " || line.first == "\t" else { return nil }
        let text = line.drop { $0 == " " || $0 == "\t" }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = String(text[..<colon])
        return keys.contains(key) ? .removeIndent(key) : nil
    }

    /// `atTab`: the parser stopped at a tab, which it often reports only as a character that cannot start a token.
    private func yamlHint(_ problem: String, atTab: Bool) -> Message? {
        if problem.contains("mapping values are not allowed") { return .quoteColonValue }
        if atTab || problem.contains("tab") { return .indentWithSpaces }
        return nil
    }

    /// The 1-based `line` of `text`.
    private func lines(of text: String, line: Int) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        return lines[line - 1]
    }

    /// The character at a 1-based column of a line, as the YAML parser counts them (in Unicode scalars).
    private func character(in line: Substring, column: Int) -> Character? {
        guard column >= 1 else { return nil }
        return line.unicodeScalars.dropFirst(column - 1).first.map(Character.init)
    }

    private func character(in text: String, line: Int, column: Int) -> Character? {
        lines(of: text, line: line).flatMap { character(in: $0, column: column) }
    }
}

/// The quotes word processors type instead of `"` and `'`, which YAML takes as ordinary characters.
package enum TypographicQuotes {
    /// Opening and closing marks, as Russian, English and German typography pair them.
    static let pairs: [(open: Character, close: Character)] = [
        ("«", "»"), ("“", "”"), ("‘", "’"), ("„", "“"), ("‚", "‘"), ("”", "”"), ("’", "’"),
    ]

    /// The pair ("‘ ’") that wraps the whole of `text`, if one does.
    static func wrapping(_ text: String) -> String? {
        guard text.count > 2, let first = text.first, let last = text.last else { return nil }
        return pairs.first { $0.open == first && $0.close == last }.map { "\($0.open) \($0.close)" }
    }

    /// `text` without the pair that wraps it, if one does.
    static func unwrapped(_ text: String) -> String? {
        wrapping(text).map { _ in String(text.dropFirst().dropLast()) }
    }

    /// For a YAML line that does not parse and holds typographic quotes: names them and shows the line with its
    /// value in straight quotes (`title: '“Клиент выбирает CRM”: сравнение'`). Quotes inside the value
    /// (`title: Свитчер: курс «Python»`) were not meant to quote it: the line in straight quotes alone, when a colon
    /// inside the value is what broke it.
    static func hint(_ line: Substring) -> Message? {
        var marks: [Character] = []
        for character in line where pairs.contains(where: { $0.open == character || $0.close == character }) {
            if !marks.contains(character) { marks.append(character) }
        }
        guard !marks.isEmpty else { return nil }
        let named = marks.map(String.init).joined(separator: " ")
        guard let colon = line.range(of: ": ") else { return .quotesInLine(marks: named, key: nil, fixed: nil) }
        let value = line[colon.upperBound...].trimmingWhitespace()
        let key = String(line[..<colon.lowerBound]), fixed = value.replacingOccurrences(of: "'", with: "''")
        guard let first = value.first, pairs.contains(where: { $0.open == first }) else {
            return value.contains(": ") ? .quoteWholeValue(key: key, fixed: fixed) : nil
        }
        return .quotesInLine(marks: named, key: key, fixed: fixed)
    }
}

extension Double {
    /// `2` for whole numbers, `2.5` otherwise: how scores and figures are written back to authors.
    package var compactText: String {
        if self == rounded(), abs(self) <= 1e15 { return String(Int(self)) }
        return String(self)
    }
}
