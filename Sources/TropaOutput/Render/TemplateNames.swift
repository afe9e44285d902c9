import TropaModel

/// The names a template looks up on the pages' models, and the tags of a site's template that look up another: such
/// a tag prints nothing, without a word from swift-mustache (`{{titel}}`, a field of an older version).
package enum TemplateNames {
    /// The keys the models answer (`ViewModels+Mustache.swift`); `RenderLookupTests` keeps the two the same.
    package static let known: Set<String> = [
        "advice", "analysis", "anchor", "averageNPS", "branchCells", "caption", "cards", "cells", "change", "changes",
        "chart", "chartSVG", "children", "columnCount", "commit", "comparisonSVG", "comparisonURL", "contents",
        "context", "continued", "conversion", "conversionAxis", "count", "csvURL", "current", "curve", "curveSVG",
        "date", "description", "descriptionHTML", "downloads", "draft", "duration", "emotion", "emotions", "empty",
        "evidence", "face", "faceSVG", "figures", "file", "first", "funnel", "funnelSVG", "funnels", "generator", "hasActions",
        "hasChildren", "hasDetails", "hasFigures", "hasStageDescriptions", "headings", "historyURL", "html", "id",
        "introductionHTML", "isoDate", "items", "key", "kind", "kinds", "label", "labels", "lang", "last", "lastISO", "latest",
        "length", "list", "lowest", "lowestEmotion", "map", "mapCount", "mapURL", "maps", "marks", "matrix",
        "measured", "measuredOn", "metric", "metrics", "missed", "missedTargets", "mood", "more", "moreURL", "name",
        "next", "nextISO", "note", "nps", "npsAxis", "number", "numbers", "objective", "omitted", "outline", "owner", "owners",
        "page", "pager", "pains", "persona", "personas", "points", "present", "previous", "priority", "product",
        "products", "quadrant", "quadrantNames", "quadrantNote", "quadrantSVG", "rank", "reach", "reading",
        "readings", "review", "role", "root", "rows", "score", "sections", "segment", "segments", "siteTitle", "span",
        "sparkline", "sparklineLabel", "sparse", "sparseStageDescriptions", "split", "stage", "stageCount", "stages",
        "start", "subject", "summary", "svg", "tags", "target", "text", "timeline", "timelineSVG", "title", "tone",
        "toneWord", "total", "trends", "updated", "updatedISO", "url", "value", "versions", "weakestConversion",
        "weakestStage", "weakestStageName", "words",
    ]

    /// The names that `text` looks up and no model has, each with its part that is unknown, the names that part
    /// could be, and where its tag starts. A name is looked up part by part (`persona.name`: `persona`, `name`), and
    /// the theme's words by theirs too (`words.persona`, `page.words.persona`: `persona`); through a transform
    /// (`uppercased(title)`: `title`). After a tag that changes the delimiters (`{{=<% %>=}}`) nothing more is read.
    package static func unknown(in text: String) -> [(name: String, part: String, among: Set<String>, at: String.Index)] {
        var found: [(name: String, part: String, among: Set<String>, at: String.Index)] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "{{") {
            rest = rest[open.upperBound...]
            guard let sigil = rest.first, sigil != "=" else { break }
            let triple = sigil == "{"
            guard let close = rest.firstRange(of: triple ? "}}}" : "}}") else { break }
            var tag = rest[..<close.lowerBound]
            rest = rest[close.upperBound...]
            // Comments, closing tags, partials, parents, blocks and pragmas name no field.
            if "!/><$%".contains(sigil) { continue }
            if "#^&{".contains(sigil) { tag = tag.dropFirst() }
            var name = tag.trimmingWhitespace()
            // A transform's argument is the field: `empty(advice)`.
            while let opening = name.lastIndex(of: "("), let closing = name[opening...].firstIndex(of: ")") {
                name = String(name[name.index(after: opening)..<closing]).trimmingWhitespace()
            }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, !first.isEmpty else { continue }
            // Each part before `words` is a model's key (`page.siteTitle`: `page`, then `siteTitle`).
            if let part = parts.prefix(while: { $0 != "words" }).first(where: { !known.contains($0) }) {
                found.append((name, part, known, open.lowerBound))
                continue
            }
            // The word after `words.`: a dictionary looks it up, which no model's keys say.
            let word = parts.drop { $0 != "words" }.dropFirst().joined(separator: ".")
            if parts.prefix(while: { $0 != "words" }).count <= 1, parts.contains("words"), !word.isEmpty,
               !ThemeWords.names.contains(word), let key = word.split(separator: ".").first.map(String.init),
               !ThemeWords.names.contains(key) {
                found.append((name, word, ThemeWords.names, open.lowerBound))
            }
        }
        return found
    }
}
