import TropaModel
import TropaSource
import TropaAnalysis
import TropaBuild
import Foundation

/// How diagnostics are printed: for people, for GitHub Actions, or for programs.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
    case json
}

/// Prints diagnostics the way compilers do: `path:line:col: error: message [code]`, the line, a caret, `help:`.
/// Messages, help lines and the words around them are in `language`; codes are the same in every language.
public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// ANSI colours, for a terminal only.
    public var colored: Bool
    public var language: Language
    /// The site folder as seen from where the command runs (`cjm`; empty for the current folder). GitHub places an
    /// annotation by its path from the repository's root, where a workflow runs, not from the site's folder.
    public var siteFolder: String

    public init(format: DiagnosticFormat, colored: Bool = false, language: Language = .en, siteFolder: String = "") {
        self.format = format
        self.colored = colored
        self.language = language
        self.siteFolder = siteFolder
    }

    /// `folder` (a site folder named on the command line from `current`, the folder the command runs in) as a path
    /// from `root`, the repository's root where GitHub Actions says it is (`GITHUB_WORKSPACE`), else `current`:
    /// `./cjm/` is `cjm`, `.` is empty, an absolute path inside the root relative to it, one outside it absolute. A
    /// workflow that runs `tropa check ..` from a folder of the repository still names files from its root.
    public static func siteFolder(_ folder: String, from current: String, root: String? = nil) -> String {
        let parts = components(folder.hasPrefix("/") ? folder : current + "/" + folder)
        let rootParts = components(root.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? current)
        guard parts.starts(with: rootParts) else { return "/" + parts.joined(separator: "/") }
        return parts.dropFirst(rootParts.count).joined(separator: "/")
    }

    /// A path's folders with `.` left out and `..` taking the one before it, as the shell names them (a link is not
    /// followed: the path is the one the author typed).
    private static func components(_ path: String) -> [Substring] {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts
    }

    /// A file of the site as an annotation names it: from the folder the command runs in, `..` resolved
    /// (`schema: ../shared/schema.yml`).
    private func annotated(_ file: String) -> String {
        guard !siteFolder.isEmpty else { return file }
        let joined = siteFolder.appendingPath(file)
        return (joined.hasPrefix("/") ? "/" : "") + Self.components(joined).joined(separator: "/")
    }

    public func format(_ diagnostics: [Diagnostic], sources: [String: SourceText]) -> String {
        switch format {
        case .text: diagnostics.map { text($0, source: sources[$0.location.file]) }.joined()
        case .github: diagnostics.map(github).joined()
        case .json: json(diagnostics)
        }
    }

    /// A problem that stopped the command before it had a report (a site folder it cannot read, an output it cannot
    /// write), for the programs that read `github` and `json`: the annotation names no file, and the JSON entry has
    /// the code `site-error`, an empty `file` and line and column 0. Nothing for `text`: `Terminal.printError` prints
    /// it there.
    public func failure(_ message: Message, help: Message?) -> String {
        let (text, suggestion) = (message.text(in: language), help?.text(in: language))
        switch format {
        case .text: return ""
        case .github:
            return annotation(.error, properties: "title=\(escapeProperty("tropa: " + Self.failureCode))",
                              message: text, suggestion: suggestion)
        case .json:
            return json([Entry(file: "", line: 0, column: 0, severity: Severity.error.rawValue, code: Self.failureCode,
                               message: text, suggestion: suggestion)])
        }
    }

    private static let failureCode = "site-error"

    /// One line that counts errors and warnings, for the end of a text report.
    public func summary(_ diagnostics: [Diagnostic], checked: Message, strict: Bool = false) -> String {
        let summary: Message = diagnostics.isEmpty ? .noProblems(checked)
            : .problems(checked, errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                        files: Set(diagnostics.map(\.location.file)).count)
        // Otherwise a run that exits 1 would end on a line that names no error.
        let clause = Self.failedByWarnings(diagnostics, strict: strict)
            ? "; " + Message.warningsFailStrict.text(in: language) : ""
        return summary.text(in: language) + clause + "\n"
    }

    /// What a report without its summary (`--quiet`) ends with: "error: --strict takes warnings as errors" when
    /// warnings alone fail the run, else nothing.
    public func quietEnd(_ diagnostics: [Diagnostic], strict: Bool) -> String {
        guard Self.failedByWarnings(diagnostics, strict: strict) else { return "" }
        return Message.errorLine(.warningsFailStrict).text(in: language) + "\n"
    }

    private static func failedByWarnings(_ diagnostics: [Diagnostic], strict: Bool) -> Bool {
        diagnostics.failBuild(strict: strict) && !diagnostics.hasErrors
    }

    // MARK: - text

    private func text(_ diagnostic: Diagnostic, source: SourceText?) -> String {
        let location = diagnostic.location
        let severity = paint(Message.severity(diagnostic.severity).text(in: language),
                             diagnostic.severity == .error ? "1;31" : "1;33")
        var output = paint("\(location.file):\(location.line):\(location.column):", "1")
            + " \(severity): \(diagnostic.message(in: language)) [\(diagnostic.code.rawValue)]\n"
        if let line = source?.line(location.line) {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count + 4)
            // The caret's padding repeats the line's tabs, so it lands under the right character.
            let padding = line.unicodeScalars.prefix(max(0, location.column - 1))
                .map { $0 == "\t" ? "\t" : " " }.joined()
            output += "   \(number) | \(line)\n"
            output += "\(gutter)| \(padding)\(paint("^", "1;32"))\n"
        }
        if let suggestion = diagnostic.suggestion(in: language) {
            output += "  \(paint(Message.helpLabel.text(in: language) + ":", "1;36")) \(suggestion)\n"
        }
        return output
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    // MARK: - github

    /// A GitHub Actions workflow command, which the runner shows as an annotation on the file's line.
    private func github(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let properties = "file=\(escapeProperty(annotated(location.file))),line=\(location.line),col=\(location.column),"
            + "title=\(escapeProperty("tropa: " + diagnostic.code.rawValue))"
        return annotation(diagnostic.severity, properties: properties, message: diagnostic.message(in: language),
                          suggestion: diagnostic.suggestion(in: language))
    }

    /// `::error properties::message (suggestion)`, the message escaped.
    private func annotation(_ severity: Severity, properties: String, message: String, suggestion: String?) -> String {
        "::\(severity.rawValue) \(properties)::\(escapeData(message + (suggestion.map { " (\($0))" } ?? "")))\n"
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    // MARK: - json

    private struct Entry: Encodable {
        package let file: String
        package let line: Int
        package let column: Int
        package let severity: String
        package let code: String
        package let message: String
        package let suggestion: String?

        package func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(severity, forKey: .severity)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(suggestion, forKey: .suggestion)
        }

        package enum CodingKeys: String, CodingKey { case file, line, column, severity, code, message, suggestion }
    }

    private func json(_ diagnostics: [Diagnostic]) -> String {
        json(diagnostics.map {
            Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                  severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message(in: language), suggestion: $0.suggestion(in: language))
        })
    }

    private func json(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
