import TropaModel

/// "Did you mean" candidates, by edit distance over names compared as headings are.
package enum Suggestion {
    /// The candidate closest to `name`, when it is close enough to be a typo of it. Letters that look alike in the
    /// two alphabets count as the same: a name typed half on the other keyboard is no farther than its typos.
    /// `loosely`: up to half the letters may differ (at most three), where the candidates are few and expected.
    package static func closest(to name: String, among candidates: [String], loosely: Bool = false) -> String? {
        let key = LookalikeLetters.folded(NameKey(name).value)
        guard !key.isEmpty else { return nil }
        let limit = max(1, min(3, key.count / (loosely ? 2 : 3)))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(key, LookalikeLetters.folded(NameKey(candidate).value), limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// "Did you mean …?" with the candidate closest to `name`, naming the letters of the other alphabet when they are
    /// all it differs in (`Message.closest`).
    package static func help(for name: String, among candidates: [String]) -> Message? {
        closest(to: name, among: candidates).map { Message.closest($0, to: name) }
    }

    /// The layer name a heading that names no layer was probably meant to be: a name it is a typo of, or else a
    /// name among its words (`Эмоции клиента`, `KPI этапа`).
    package static func layer(for heading: String, in schema: LayerSchema, language: Language) -> String? {
        // Two names of one layer (`Метрики и KPI`) are no tie.
        (closest(to: heading, among: schema.layerNames)
            ?? named(in: heading, among: schema.layerNames) { schema.layer(named: $0)?.id ?? $0 })
            .map { shown($0, ids: schema.layers.map { ($0.id, $0.title) }, language: language) }
    }

    /// The required layer the stage lacks that a heading too far from every layer's name was perhaps meant to be:
    /// up to half its letters may differ (at most three), since these candidates are few and expected.
    package static func layer(for heading: String, amongMissing missing: [LayerDefinition], language: Language) -> String? {
        closest(to: heading, among: missing.flatMap(\.names), loosely: true)
            .map { shown($0, ids: missing.map { ($0.id, $0.title) }, language: language) }
    }

    /// The metric name a name that matches none was probably a typo of.
    package static func metric(for name: String, in schema: LayerSchema, language: Language) -> String? {
        closest(to: name, among: schema.metricNames)
            .map { shown($0, ids: schema.metrics.map { ($0.id, $0.title) }, language: language) }
    }

    /// A suggested name as an author reads it: an id matches headings too, but messages name a layer or metric by
    /// its title, in `language`.
    private static func shown(_ name: String, ids: [(id: String, title: LocalizedText)], language: Language) -> String {
        guard let match = ids.first(where: { $0.id == name && !$0.title.values.values.contains(name) }) else {
            return name
        }
        return match.title.text(in: language, fallback: match.id)
    }

    /// The candidate whose words stand together, as whole words, among the words of `text` (compared as headings
    /// are); of several, the one of most words; nil when two of as many words do that name different things
    /// (`Доставка и оплата` names both «Доставка» and «Оплата»), as `meaning` tells.
    package static func named(in text: String, among candidates: [String],
                              meaning: (String) -> String = { NameKey($0).value }) -> String? {
        let words = Self.words(text)
        var best: (name: String, count: Int, tied: Bool)?
        for candidate in candidates {
            let wanted = Self.words(candidate)
            guard !wanted.isEmpty, wanted.count >= (best?.count ?? 0), Self.words(words, hold: wanted) else { continue }
            if let found = best, found.count == wanted.count {
                best?.tied = found.tied || meaning(found.name) != meaning(candidate)
            } else {
                best = (candidate, wanted.count, false)
            }
        }
        return best.flatMap { $0.tied ? nil : $0.name }
    }

    /// The one candidate that holds the words of `text` together, as whole words (`Доставка` of `Доставка и
    /// сборка`): a name written short. Nil when none does, or several.
    package static func holding(_ text: String, among candidates: [String]) -> String? {
        let wanted = Self.words(text)
        guard !wanted.isEmpty else { return nil }
        let holding = candidates.filter { candidate in
            let words = Self.words(candidate)
            return words.count > wanted.count && Self.words(words, hold: wanted)
        }
        return holding.count == 1 ? holding[0] : nil
    }

    /// The candidate a name renamed since was meant to be: the one candidate holding its words, with words added
    /// (`Доставка` for «Доставка и сборка»), or the one whose words it holds, words taken away (`Оплата заказа` for
    /// «Оплата»).
    package static func renamed(_ name: String, among candidates: [String]) -> String? {
        holding(name, among: candidates) ?? named(in: name, among: candidates)
    }

    /// The stage a name renamed since was meant to be: as `renamed`, or the one stage with one word of two or more
    /// replaced (`Выезд монтажника` for «Визит монтажника»). Not for files: `delivery-moscow.md` is no
    /// `delivery-spb.md` renamed.
    package static func renamedStage(_ name: String, among stages: [String]) -> String? {
        renamed(name, among: stages) ?? oneWordReplaced(name, among: stages)
    }

    private static func oneWordReplaced(_ name: String, among candidates: [String]) -> String? {
        let wanted = words(name)
        guard wanted.count > 1 else { return nil }
        let matching = candidates.filter { candidate in
            let words = Self.words(candidate)
            return words.count == wanted.count && zip(words, wanted).count(where: { $0 != $1 }) == 1
        }
        return matching.count == 1 ? matching[0] : nil
    }

    /// Whether `wanted` stands in `words`, one after another.
    private static func words(_ words: [Substring], hold wanted: [Substring]) -> Bool {
        wanted.count <= words.count && (0...(words.count - wanted.count)).contains { start in
            words[start..<(start + wanted.count)].elementsEqual(wanted)
        }
    }

    private static func words(_ text: String) -> [Substring] {
        NameKey(text).value.split { !$0.isLetter && !$0.isNumber }
    }

    /// Levenshtein distance with adjacent transpositions; stops early past `limit`.
    package static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
