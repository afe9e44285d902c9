import Foundation
import Testing
import TropaModel
import TropaBuild

/// The one manifest of invalid input, `Tests/Fixtures/invalid-inputs.tsv`: the hostile and broken corpus
/// (`corpus/`) and one realistic fixture per diagnostic code (`invalid/`), each with every diagnostic it must give.
package enum InvalidInputs {
    package static let manifest = Fixtures.root.appendingPathComponent("invalid-inputs.tsv")

    /// The folders whose every file or site folder is a case.
    package static let folders = ["corpus", "invalid"]

    /// One row of the manifest.
    package struct Case: Sendable, CustomTestStringConvertible {
        /// The path under `Tests/Fixtures/`: a `.md` file, checked as the only map of a site, or a site folder.
        package var name: String
        /// The exit status of `tropa check`.
        package var status: Int32
        package var expected: [Expected]
        /// Words the message of the first diagnostic with the first expected code contains.
        package var message: String?
        /// That diagnostic's whole suggestion.
        package var suggestion: String?

        package var testDescription: String { name }
        package var url: URL { Fixtures.root.appendingPathComponent(name) }
        package var isFolder: Bool { !name.hasSuffix(".md") }
        /// The path of a single-file case's map in its site, which entries without a file name point at.
        package var mapPath: String { "content/" + url.lastPathComponent }
        /// The folder of `Tests/Fixtures/` the case is in.
        package var folder: String { String(name.prefix { $0 != "/" }) }
    }

    /// A diagnostic as the manifest gives it.
    package struct Expected: Equatable, Sendable, CustomStringConvertible {
        package var file: String
        package var line: Int
        package var column: Int
        package var severity: Severity
        package var code: DiagnosticCode

        package init(file: String, line: Int, column: Int, severity: Severity, code: DiagnosticCode) {
            self.file = file
            self.line = line
            self.column = column
            self.severity = severity
            self.code = code
        }

        package init(_ diagnostic: Diagnostic) {
            self.init(file: diagnostic.location.file, line: diagnostic.location.line,
                      column: diagnostic.location.column, severity: diagnostic.severity, code: diagnostic.code)
        }

        package var description: String { "\(file):\(line):\(column):\(severity.rawValue):\(code.rawValue)" }
    }

    package static let cases: [Case] = {
        let text = try! String(contentsOf: manifest, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("case\t") }.map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(fields.count == 6, "invalid-inputs.tsv: a row needs 6 fields: \(row)")
            let word = { (field: String) in field == "-" ? nil : field }
            var testCase = Case(name: fields[0], status: Int32(fields[1])!, expected: [],
                                message: word(fields[3]), suggestion: word(fields[4]))
            testCase.expected = fields[2] == "-" ? [] : fields[2].split(separator: " ").map { entry in
                // FILE:LINE:COLUMN:SEVERITY:CODE, or LINE:COLUMN:SEVERITY:CODE in the case's map; paths hold no colons.
                let parts = entry.split(separator: ":").map(String.init)
                precondition(parts.count == 4 || parts.count == 5, "invalid-inputs.tsv: \(entry)")
                let count = parts.count
                return Expected(file: count == 5 ? parts[0] : testCase.mapPath, line: Int(parts[count - 4])!,
                                column: Int(parts[count - 3])!, severity: Severity(rawValue: parts[count - 2])!,
                                code: DiagnosticCode(rawValue: parts[count - 1])!)
            }
            return testCase
        }
    }()

    /// Checks a case as `tropa check` does: a single file as the only map of an in-memory site, a folder from disk.
    package static func check(_ testCase: Case) throws -> CheckResult {
        if testCase.isFolder { return try Fixtures.check(testCase.url) }
        return try Check.site(bytes: [testCase.mapPath: [UInt8](try Data(contentsOf: testCase.url))])
    }
}
