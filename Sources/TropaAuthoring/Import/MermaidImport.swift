import Foundation
import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput

/// `tropa import FILE.mmd`: a Mermaid user journey read as Mermaid reads it (the lexer's rules of its
/// `journey.jison`, in their order), then written as a draft map.
public struct MermaidImport: Sendable {
    /// A diagram as Mermaid's parser leaves it: the title, and sections of tasks in file order.
    public struct Diagram: Sendable, Equatable {
        public var title: String?
        public var sections: [Section]
    }

    public struct Section: Sendable, Equatable {
        /// Nil for the tasks before any section.
        public var name: String?
        public var tasks: [Task]
    }

    public struct Task: Sendable, Equatable {
        public var text: String
        /// On Mermaid's 1…5, clamped.
        public var score: Int
        public var actors: [String]
        public var line: Int
    }

    public let path: String

    public init(path: String) { self.path = path }

    /// The diagram and every problem of the file; nil when the file is not a journey at all.
    public func parse(_ source: String) -> (Diagram?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Line breaks as a map's (`SourceText.decode`): "\r\r\n" is two, and the lines are numbered as `check` numbers
        // them. Split on the scalar: a "\n" after a mark is no Character of its own.
        let lines = SourceText.normalizeLineEndings(source).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        var diagram = Diagram(title: nil, sections: [])
        var started = false
        var inDescription = false
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            // Mermaid turns entity codes into placeholders before its lexer runs: `#58;` is text, not a comment.
            var line = Self.maskEntities(String(String.UnicodeScalarView(raw)))
            if inDescription {
                if let close = line.firstIndex(of: "}") { inDescription = false; line = String(line[line.index(after: close)...]) } else { continue }
            }
            line = Self.dropComment(line)
            // Columns count from the line as written: its indentation before the statement.
            let indent = line.unicodeScalars.prefix { CharacterSet.whitespaces.contains($0) }.count
            line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let lower = line.lowercased()
            if !started {
                guard lower.hasPrefix("journey") else {
                    // Front-matter or a directive before the diagram is Mermaid's own, not part of the grammar.
                    if line == "---" || lower.hasPrefix("%%{") { continue }
                    return (nil, [.error(.mermaidSyntax, .mermaidNotJourney, at: location(number), suggestion: .startWithJourney)])
                }
                started = true
                line = String(line.dropFirst("journey".count)).trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
            }
            if lower.hasPrefix("journey") {
                diagnostics.append(unexpected(line, at: number))
            } else if let text = Self.statement(line, keyword: "title") {
                diagram.title = Self.text(text)
            } else if lower.hasPrefix("acctitle") || (lower.hasPrefix("accdescr") && line.dropFirst(8).trimmingCharacters(in: .whitespaces).hasPrefix(":")) {
                continue
            } else if lower.hasPrefix("accdescr"), line.dropFirst(8).trimmingCharacters(in: .whitespaces).hasPrefix("{") {
                inDescription = !line.contains("}")
            } else if let name = Self.statement(line, keyword: "section") {
                if name.contains(":") { diagnostics.append(unexpected(line, at: number)); continue }
                diagram.sections.append(Section(name: Self.text(name), tasks: []))
            } else if let task = task(line, at: number, indent: indent, diagnostics: &diagnostics) {
                if diagram.sections.isEmpty { diagram.sections.append(Section(name: nil, tasks: [])) }
                diagram.sections[diagram.sections.count - 1].tasks.append(task)
            }
        }
        if !started {
            return (nil, [.error(.mermaidSyntax, .mermaidNotJourney, at: location(1), suggestion: .startWithJourney)])
        }
        return (diagram, diagnostics)
    }

    /// `text: score` or `text: score: actor, actor`: the lexer's `taskName` then `taskData`.
    private func task(_ line: String, at number: Int, indent: Int, diagnostics: inout [Diagnostic]) -> Task? {
        // Where a character of the statement stands on the line, 1-based, in scalars as every diagnostic's column.
        let at = { (index: String.Index) in
            SourceLocation(file: path, line: number,
                           column: indent + line.unicodeScalars.distance(from: line.startIndex, to: index) + 1)
        }
        guard !line.contains(";"), let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
            diagnostics.append(.error(.mermaidSyntax, .mermaidUnexpected(Self.text(line)),
                                      at: at(line.firstIndex(of: ";") ?? line.startIndex), suggestion: .mermaidTaskForm))
            return nil
        }
        let data = line[line.index(after: colon)...].split(separator: ":", omittingEmptySubsequences: false)
        let scoreText = data[0].trimmingCharacters(in: .whitespaces)
        let scoreAt = at(data[0].unicodeScalars.firstIndex { !CharacterSet.whitespaces.contains($0) } ?? data[0].startIndex)
        guard !scoreText.isEmpty, let score = Double(scoreText), score.isFinite else {
            diagnostics.append(.error(.mermaidSyntax, .mermaidNotScore(Self.text(scoreText)), at: scoreAt,
                                      suggestion: .mermaidTaskForm))
            return nil
        }
        // Clamped as a Double first: a score like 1e300 does not fit an Int.
        let clamped = Int(min(5, max(1, score.rounded())))
        if Double(clamped) != score {
            // 2.5 is on the scale, only not whole: it is rounded, not clamped.
            let message: Message = (1...5).contains(score) ? .mermaidScoreRounded(score: scoreText, to: clamped)
                : .mermaidScoreClamped(score: scoreText, to: clamped)
            diagnostics.append(.warning(.mermaidScore, message, at: scoreAt, suggestion: .mermaidScores))
        }
        // Mermaid reads actors from the second piece only, and an empty piece as one empty actor.
        let actors = data.count > 1 ? data[1].split(separator: ",", omittingEmptySubsequences: false)
            .map { Self.text(String($0)) } : []
        return Task(text: Self.text(String(line[..<colon])), score: clamped, actors: actors, line: number)
    }

    private func unexpected(_ line: String, at number: Int) -> Diagnostic {
        .error(.mermaidSyntax, .mermaidUnexpected(Self.text(line)), at: location(number), suggestion: .mermaidTaskForm)
    }

    private func location(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }

    /// `title …` or `section …`: the keyword, whitespace, then text without `#`, `;` (or `:` for a section).
    private static func statement(_ line: String, keyword: String) -> String? {
        guard line.lowercased().hasPrefix(keyword), let next = line.dropFirst(keyword.count).first, next.isWhitespace else { return nil }
        return String(line.dropFirst(keyword.count + 1))
    }

    /// The line without a `%%` comment, or a `#` one (after entity codes are masked, a `#` starts a comment).
    private static func dropComment(_ line: String) -> String {
        var result = line
        if let range = result.range(of: "%%") { result = String(result[..<range.lowerBound]) }
        if let hash = result.firstIndex(of: "#") { result = String(result[..<hash]) }
        return result
    }

    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"

    /// `#58;` → a placeholder the lexer passes over, as Mermaid's `encodeEntities` does.
    static func maskEntities(_ line: String) -> String {
        guard line.contains("#") else { return line }
        var result = ""
        var rest = Substring(line)
        while let hash = rest.firstIndex(of: "#") {
            result += rest[..<hash]
            let after = rest[rest.index(after: hash)...]
            if let semicolon = after.firstIndex(of: ";"), !after[..<semicolon].isEmpty,
               after[..<semicolon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                result += String(open) + after[..<semicolon] + String(close)
                rest = after[after.index(after: semicolon)...]
            } else {
                result.append("#")
                rest = after
            }
        }
        return result + rest
    }

    /// Masked text as Mermaid shows it: trimmed, entity codes as their characters.
    static func text(_ masked: String) -> String {
        let trimmed = masked.trimmingCharacters(in: .whitespaces)
        let codes = trimmed.replacingOccurrences(of: String(open), with: "#").replacingOccurrences(of: String(close), with: ";")
        return MermaidJourney.unescaped(codes).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - the map

    /// The draft map: a stage per section, each task an action and an emotion point labelled with its text, every
    /// other required layer an empty heading; the actors matched to a persona by name, or listed in the introduction.
    public func map(_ diagram: Diagram, schema: LayerSchema, language: Language, personas: [Persona],
                    personaID: String?, fallbackTitle: String) -> String {
        let title = diagram.title.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackTitle
        let actors = Self.unique(diagram.sections.flatMap(\.tasks).flatMap(\.actors).filter { !$0.isEmpty })
        let persona = personaID ?? actors.lazy.compactMap { actor in personas.first { NameKey($0.name) == NameKey(actor) }?.id }.first
        var lines = ["---", "title: \(YAMLText.quoted(title))"]
        if let persona { lines.append("persona: \(YAMLText.quoted(persona))") }
        lines += ["draft: true", "---", ""]
        // The actor who is the persona is the map's own: the others are listed.
        let personaName = persona.flatMap { id in personas.first { $0.id == id }?.name }
        let others = actors.filter { actor in personaName.map { NameKey($0) != NameKey(actor) } ?? true }
        if !others.isEmpty {
            lines.append((language == .ru ? "Участники: " : "Actors: ") + others.map(Markup.markdown).joined(separator: ", ") + ".")
            lines.append("")
        }
        let actionLayer = schema.layers.first { $0.kind == .list && $0.required } ?? schema.layers.first { $0.kind == .list }
        let emotionLayer = schema.layers.first { $0.kind == .emotion }
        let signed = schema.scale.lowerBound < 0
        var seen: Set<String> = []
        for section in diagram.sections {
            var name = section.name.flatMap { $0.isEmpty ? nil : $0 } ?? title
            // Two sections of one name would be a duplicate stage: the second is numbered.
            var number = 2
            while seen.contains(NameKey(name).value) { name = (section.name ?? title) + " \(number)"; number += 1 }
            seen.insert(NameKey(name).value)
            lines += ["## " + Markup.markdown(name), ""]
            for layer in schema.layers where layer.required || layer.id == actionLayer?.id || layer.id == emotionLayer?.id {
                lines.append("### " + layer.title.text(in: language, fallback: layer.id))
                if layer.id == actionLayer?.id {
                    lines += section.tasks.map { "- " + Markup.markdown($0.text) }
                } else if layer.id == emotionLayer?.id {
                    lines += section.tasks.map { task in
                        let score = MermaidJourney.value(task.score, scale: schema.scale)
                        return "- " + (signed && score > 0 ? "+" : "") + Markup.number(score) + " " + Markup.markdown(task.text)
                    }
                }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert(NameKey($0).value).inserted }
    }
}

extension MermaidImport {
    /// Where the map goes: `output` (relative to the site folder, or absolute) or a file named after the title in
    /// the content folder; a problem when that is not a Markdown file among the maps, where no build would see it.
    public static func mapPath(output: String?, title: String, site: String, config: SiteConfig) throws -> String {
        let relative = output ?? config.contentPath + "/" + MapScaffold(title: title, date: "").fileName
        let path = relative.hasPrefix("/") ? relative : site == "." ? relative : site + "/" + relative
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        let content = URL(fileURLWithPath: site).appendingPathComponent(config.contentPath).standardizedFileURL.path
        // As the site's reader lists maps: a name ending in `.md` in any case, and nothing under a dot-name.
        let inside = canonical.hasPrefix(content + "/") ? canonical.dropFirst(content.count + 1).split(separator: "/") : []
        guard canonical.isMarkdownPath, !inside.isEmpty, !inside.contains(where: { $0.hasPrefix(".") }),
              inside.first != Substring(SiteInputs.personaFolder) else {
            throw SiteError(.importOutsideContent(relative, content: config.contentPath))
        }
        return path
    }
}
