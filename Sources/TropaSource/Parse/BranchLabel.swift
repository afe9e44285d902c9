import TropaModel

/// A stage heading's branch label, `## Визит в шоурум {Офлайн}`: the label is not part of the name, `\{` writes a
/// literal brace.
package struct BranchLabel {
    /// The stage's name without the label.
    package var name: String
    package var label: String?
    /// Where the label's `{` stands.
    package var location: SourceLocation?
    package var problem: Diagnostic?

    /// Reads the heading's line as written (only there an escaped `\{` differs from a label's `{`) and its plain
    /// text (where Markdown inside the label is already text).
    package static func read(line: Substring?, plain: String, at heading: SourceLocation) -> BranchLabel {
        guard let line else { return BranchLabel(name: plain) }
        guard let open = labelStart(line) else { return unclosed(line: line, plain: plain, at: heading) ?? BranchLabel(name: plain) }
        let location = SourceLocation(file: heading.file, line: heading.line, column: open + 1)
        // The label as text (Markdown in it rendered, `\{` a brace); the heading's text ends with it in braces.
        var raw = Array(line)[(open + 1)...]
        while raw.last?.isWhitespace == true || raw.last == "#" { raw.removeLast() }
        raw.removeLast()
        let document = MarkdownDocument(String(raw), unsafeHTML: false)
        // The nodes live in the document's tree: it must outlive their reading.
        let text = withExtendedLifetime(document) { document.blocks.map(\.plainText).joined() }
        let label = text.trimmingWhitespace()
        // The name is the heading's text before the brace that opens the label (spaces inside the braces aside).
        let squeezed = { (text: Substring) in text.filter { !$0.isWhitespace } }
        let target = squeezed("{" + label + "}")
        let brace = plain.indices.reversed().first { plain[$0] == "{" && squeezed(plain[$0...]) == target }
        let name = (brace.map { String(plain[..<$0]) } ?? plain).trimmingWhitespace()
        var reading = BranchLabel(name: name, label: label, location: location)
        if label.isEmpty {
            reading.problem = .error(.branchLabel, .branchLabelEmpty(stage: name), at: location,
                                     suggestion: .nameTheBranch(stage: name))
            reading.label = nil
        } else if name.isEmpty {
            reading.problem = .error(.branchLabel, .branchLabelWithoutName(label), at: location,
                                     suggestion: .nameBeforeLabel(label))
        } else if label.contains(where: { "{}".contains($0) }) {
            reading.problem = .error(.branchLabel, .branchLabelBrace(label), at: location, suggestion: .labelsWithoutBraces)
            reading.label = nil
        }
        return reading
    }

    /// A label whose `}` was left out (`## Получение карты {Отделение`): an error at its `{`, the stage read under the
    /// name before it; nil when the heading has no `{` without a `}` after it.
    private static func unclosed(line: Substring, plain: String, at heading: SourceLocation) -> BranchLabel? {
        guard line.utf8.contains(UInt8(ascii: "{")) else { return nil }
        let characters = text(line)
        // A brace in a code span is the name's, as written.
        guard let open = characters.indices.reversed().first(where: { characters[$0] == "{" && !escaped(characters, $0) }),
              !characters[open...].contains("}"), characters[..<open].count(where: { $0 == "`" }) % 2 == 0 else { return nil }
        let label = String(characters[(open + 1)...]).trimmingWhitespace()
        // The name is the heading's text before the label, whose text ends it.
        let squeezed = { (text: Substring) in text.filter { !$0.isWhitespace } }
        let brace = plain.indices.reversed().first { plain[$0] == "{" && squeezed(plain[plain.index(after: $0)...]) == squeezed(label[...]) }
        let name = (brace.map { String(plain[..<$0]) } ?? plain).trimmingWhitespace()
        var reading = BranchLabel(name: name.isEmpty ? plain : name)
        reading.problem = .error(.branchLabel, .branchLabelUnclosed(label), at: SourceLocation(file: heading.file, line: heading.line, column: open + 1),
                                 suggestion: .closeLabel(label))
        return reading
    }

    /// The character offset in the line of the `{` that opens a label closing the heading, or nil when the line
    /// does not end with one (`\{` is a brace of the name).
    private static func labelStart(_ line: Substring) -> Int? {
        // Most headings have no label: one look at the bytes, before the line is taken apart into characters.
        guard line.utf8.contains(UInt8(ascii: "}")) else { return nil }
        let characters = text(line)
        guard characters.last == "}", !escaped(characters, characters.count - 1) else { return nil }
        return (0..<(characters.count - 1)).reversed().first { characters[$0] == "{" && !escaped(characters, $0) }
    }

    /// The heading's line without the spaces and the closing sequence of `#` after it, which are not its text.
    private static func text(_ line: Substring) -> [Character] {
        var characters = Array(line)
        while characters.last?.isWhitespace == true { characters.removeLast() }
        let hashes = characters.reversed().prefix { $0 == "#" }.count
        if hashes > 0, hashes < characters.count, characters[characters.count - hashes - 1].isWhitespace {
            characters.removeLast(hashes)
            while characters.last?.isWhitespace == true { characters.removeLast() }
        }
        return characters
    }

    /// Whether the character at `index` follows an odd number of backslashes.
    private static func escaped(_ characters: [Character], _ index: Int) -> Bool {
        characters[..<index].reversed().prefix { $0 == "\\" }.count % 2 == 1
    }

    /// The rules of forks: a branch's stages are consecutive, and a label belongs to one fork. Labels compare like
    /// names (`{Онлайн}` is `{онлайн}`), as the flow compares them.
    /// Whether one key is the other with a letter added (`курьер`, `курер`): a typo more often than two branches of
    /// one fork (whose names differ in a letter changed, if in one at all: `онлайн`, `офлайн`). A digit or space
    /// added is a name of its own (`тариф 1`, `тариф 10`).
    static func oneLetterApart(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.count < b.count ? (Array(a), Array(b)) : (Array(b), Array(a))
        guard long.count == short.count + 1, short.count >= 3 else { return false }
        let same = zip(short, long).prefix { $0 == $1 }.count
        return long[same].isLetter && short[same...].elementsEqual(long[(same + 1)...])
    }

    package static func check(_ stages: [Stage], labels: [SourceLocation?]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The fork each label was first used in (by the position of the fork's first stage), and where it ended.
        var forkOf: [String: (fork: Int, line: Int)] = [:]
        var fork: Int?
        var previous: (key: String, written: String)?
        for (index, stage) in stages.enumerated() {
            guard let written = stage.branch else {
                fork = nil
                previous = nil
                continue
            }
            let key = NameKey(written).value
            if fork == nil { fork = index }
            defer { previous = (key, written) }
            guard key != previous?.key, let at = labels[index] else { continue }
            if let previous, forkOf[key] == nil, Self.oneLetterApart(key, previous.key) {
                // `{Курер}` right after `{Курьер}`: a typo, or a fork would have its branches named apart.
                diagnostics.append(.warning(.branchTypo, .branchTypo(label: written, like: previous.written), at: at,
                                            suggestion: .write("{\(previous.written)}")))
            }
            if let earlier = forkOf[key] {
                if earlier.fork == fork {
                    diagnostics.append(.error(.branchSplit, .branchSplit(label: written, by: previous?.written ?? ""),
                                              at: at, suggestion: .keepBranchTogether(written)))
                } else {
                    diagnostics.append(.error(.branchReused, .branchReused(label: written, line: earlier.line), at: at,
                                              suggestion: .labelsPerFork))
                }
            } else {
                forkOf[key] = (fork!, at.line)
            }
        }
        return diagnostics
    }
}
