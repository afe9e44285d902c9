import TropaModel

/// A file split into its YAML front-matter and its Markdown body.
package struct FrontMatter {
    /// The YAML between the fences, with its last line break.
    package let yaml: String
    /// The body with the front-matter lines blanked, so the Markdown parser's lines are the file's lines.
    package let body: String
    /// The line after the closing fence: where the body starts.
    package let bodyLine: Int

    /// Lines before the YAML in the file (the opening fence).
    package static let yamlLineOffset = 1

    package enum Failure: Error {
        case missing
        case unclosed
    }

    /// Splits `text` whose first line is `---` at the next line that is `---`.
    package static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var lineStart = text.startIndex
        var lineNumber = 0
        var yamlStart = text.startIndex
        while true {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            lineNumber += 1
            if lineNumber == 1 {
                guard isFence(line) else { return .failure(.missing) }
                yamlStart = next
            } else if isFence(line) {
                let blank = String(repeating: "\n", count: lineNumber)
                // The YAML keeps its last line break, so the parser places the end of its text on the closing fence.
                return .success(FrontMatter(yaml: String(text[yamlStart..<lineStart]), body: blank + text[next...],
                                            bodyLine: lineNumber + 1))
            }
            guard lineEnd < text.endIndex else { return .failure(.unclosed) }
            lineStart = next
        }
    }

    /// What a file's first lines gave: its front-matter, or the diagnostic for a missing or unclosed one.
    package enum Reading {
        case found(FrontMatter)
        /// The whole file is the body.
        case missing(Diagnostic)
        /// Nothing after the opening fence can be told apart from YAML: the file is not read further.
        case unclosed(Diagnostic)
    }

    /// Splits `source`; `kind` (a map, a persona) and `firstKey` ("title", "name") word the diagnostics.
    package static func read(_ source: SourceText, kind: Message.FileKind, firstKey: String) -> Reading {
        let start = SourceLocation(file: source.path, line: 1)
        switch split(source.text) {
        case .success(let frontMatter):
            return .found(frontMatter)
        case .failure(.missing):
            return .missing(.error(.frontMatterMissing, .noFrontMatter(kind), at: start,
                                   suggestion: .startWithFrontMatter(key: firstKey)))
        case .failure(.unclosed):
            return .unclosed(.error(.frontMatterSyntax, .frontMatterUnclosed, at: start,
                                    suggestion: .closeFrontMatter))
        }
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
