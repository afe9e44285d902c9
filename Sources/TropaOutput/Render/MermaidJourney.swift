import Foundation
import TropaModel
import TropaAnalysis

/// A map as a Mermaid user-journey diagram (`journey.mmd`), and the rules of that grammar that the importer shares:
/// scores on Mermaid's 1…5, the characters its lexer takes as syntax, the words that start a statement.
package enum MermaidJourney {
    /// The diagram: the map's title, a section per stage, a task per emotion point (its label, or the stage's name)
    /// with the persona's name as the actor.
    package static func text(_ journey: Journey, schema: LayerSchema, actor: String?) -> String {
        var lines = ["journey", "    title " + escaped(journey.title, statement: false)]
        let actorText = actor.map { ": " + escaped($0, statement: false) } ?? ""
        for stage in journey.stages {
            let name = stage.branch.map { "\(stage.name) (\($0))" } ?? stage.name
            lines.append("    section " + escaped(name, statement: false))
            for layer in stage.layers {
                guard case .emotion(let points) = layer.content else { continue }
                for point in points {
                    let task = point.label.isEmpty ? name : point.label
                    lines.append("      " + escaped(task, statement: true) + ": " + String(score(point.score, scale: schema.scale))
                                 + actorText)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A score of the schema's scale on Mermaid's 1…5: `round(1 + 4 × (s − min) / (max − min))`.
    package static func score(_ value: Double, scale: ClosedRange<Double>) -> Int {
        let span = scale.upperBound - scale.lowerBound
        guard span > 0 else { return 3 }
        return min(5, max(1, Int((1 + 4 * (value - scale.lowerBound) / span).rounded())))
    }

    /// A Mermaid score (1…5) on the schema's scale, the inverse of `score(_:scale:)`, rounded to a tenth.
    package static func value(_ score: Int, scale: ClosedRange<Double>) -> Double {
        let exact = scale.lowerBound + Double(score - 1) * (scale.upperBound - scale.lowerBound) / 4
        return (exact * 10).rounded() / 10
    }

    /// Words that begin a statement of the grammar (matched case-insensitively, at a line's start).
    package static let keywords = ["journey", "title", "section", "acctitle", "accdescr"]
    private static let longestKeyword = keywords.map(\.count).max()!
    /// Made once: each `CharacterSet.whitespaces` is a copy of Foundation's set.
    private static let spaces = CharacterSet.whitespaces
    /// The signs `escaped` writes as codes, all ASCII, by their byte: looked up both in a text's bytes and in its
    /// scalars.
    private static let coded: [Bool] = (0..<128).map { ":;#,%<>&\"".utf8.contains(UInt8($0)) }

    /// Text with every character the lexer reads as syntax written as Mermaid's entity code (`#58;`), which Mermaid
    /// turns back into the character when it draws: `:` ends a task's name, `;` and a line break end a statement,
    /// `#` and `%%` start comments, `,` separates actors; `<`, `>`, `&` and `"` are codes too, so no text becomes
    /// markup in a renderer that allows it. A task (`statement`) whose text begins with a keyword
    /// has its first letter written as a code.
    package static func escaped(_ text: String, statement: Bool) -> String {
        // Most text has no sign to write as a code nor a control character: a look at its bytes (a scalar beyond
        // ASCII has none below 0x80), then the text itself; scalar by scalar, with the keywords' test lowercasing it
        // once for each, this was 3 % of a cold build.
        let plain = !text.utf8.contains { $0 < 0x20 || $0 == 0x7F || ($0 < 0x80 && coded[Int($0)]) }
        var result = plain ? text : ""
        if !plain {
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 && coded[Int(scalar.value)] {
                    result += "#\(scalar.value);"
                } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                    result += " "
                } else if scalar.value >= 0x20 && scalar.value != 0x7F {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        let spaces = Self.spaces
        if let first = result.unicodeScalars.first, let last = result.unicodeScalars.last,
           spaces.contains(first) || spaces.contains(last) {
            result = result.trimmingCharacters(in: spaces)
        }
        // Only its first characters lowercased, one more than the longest keyword: the whole text, lowercased for
        // each statement, was 0.7 % of a cold build.
        if statement, let first = result.unicodeScalars.first, case let lowered = String(result.prefix(longestKeyword + 1)).lowercased(),
           keywords.contains(where: { lowered.hasPrefix($0) }) {
            result = "#\(first.value);" + String(result.unicodeScalars.dropFirst())
        }
        return result
    }

    /// The text a Mermaid renderer shows for `text`: entity codes (`#58;`, `#quot;`) turned back into characters.
    package static func unescaped(_ text: String) -> String {
        guard text.contains("#") else { return text }
        var result = ""
        var rest = Substring(text)
        while let hash = rest.firstIndex(of: "#") {
            result += rest[..<hash]
            let after = rest[rest.index(after: hash)...]
            if let semicolon = after.firstIndex(of: ";"), let character = entity(after[..<semicolon]) {
                result.append(character)
                rest = after[after.index(after: semicolon)...]
            } else {
                result.append("#")
                rest = after
            }
        }
        return result + rest
    }

    private static let namedEntities: [String: Character] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u{A0}", "apos": "'", "colon": ":", "semi": ";",
        "num": "#", "comma": ",", "percnt": "%",
    ]

    private static func entity(_ code: Substring) -> Character? {
        if let number = UInt32(code), let scalar = Unicode.Scalar(number) { return Character(scalar) }
        return namedEntities[String(code)]
    }
}
