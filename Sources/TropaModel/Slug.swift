import Foundation

/// ASCII names for output folders: lower-case, Cyrillic transliterated, other runs of characters as `-`.
public enum Slug {
    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    /// The slug of one name: `Поиск решения` → `poisk-resheniya`.
    public static func make(_ text: String) -> String {
        fastMake(text) ?? fullMake(text)
    }

    /// The Latin of each Cyrillic letter by its scalar, lower and upper case: what `cyrillic` gives a letter after
    /// `lowercased()`.
    private static let cyrillicScalars: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for (letter, latin) in cyrillic {
            for form in [String(letter), String(letter).uppercased()] where form.unicodeScalars.count == 1 {
                table[form.unicodeScalars.first!.value] = latin
            }
        }
        return table
    }()

    /// The same on Unicode scalars, for a name of ASCII and the letters of `cyrillic` alone (stage names and
    /// titles, slugged tens of thousands of times on a large site); nil for any other scalar (an accent, a
    /// combining mark, another script), which `fullMake` reads as whole characters.
    package static func fastMake(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                var byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte += 0x20
                default:
                    pendingDash = !result.isEmpty
                    continue
                }
                if pendingDash { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(byte)
                continue
            }
            // Dashes, quotes and spaces that fold to no letter separate words, as in the long way.
            if value == 0xA0 || value == 0xAB || value == 0xBB || (0x2010...0x2027).contains(value)
                || (0x2030...0x205E).contains(value) {
                pendingDash = !result.isEmpty
                continue
            }
            guard let latin = cyrillicScalars[value] else { return nil }
            // The hard and soft signs vanish inside a word rather than splitting it.
            if latin.isEmpty { continue }
            if pendingDash { result.append(UInt8(ascii: "-")) }
            pendingDash = false
            result += latin.utf8
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The slug of any name, read as characters.
    package static func fullMake(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            let latin: String
            if let mapped = cyrillic[character] {
                // The hard and soft signs vanish inside a word rather than splitting it.
                if mapped.isEmpty { continue }
                latin = mapped
            } else if character.isASCII, character.isLetter || character.isNumber {
                latin = String(character)
            } else {
                // Accented Latin letters lose their accents; anything else separates words.
                let folded = String(character).folding(options: [.diacriticInsensitive], locale: nil)
                latin = folded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? folded : ""
            }
            if latin.isEmpty {
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash { result += "-" }
            pendingDash = false
            result += latin
        }
        return result
    }

    /// The output folder of the map at `path` (relative to the site folder, under `contentPath`).
    public static func forMap(_ path: String, inContent contentPath: String) -> String {
        forContentPath(String(path.dropFirst(contentPath.count + 1)))
    }

    /// The slug of a map: its path under `content/` without `.md`, each folder slugged, joined by `/`.
    public static func forContentPath(_ path: String) -> String {
        var trimmed = path
        if trimmed.lowercased().hasSuffix(".md") { trimmed.removeLast(3) }
        let parts = trimmed.split(separator: "/").map { make(String($0)) }.filter { !$0.isEmpty }
        return parts.isEmpty ? "map" : parts.joined(separator: "/")
    }

    /// The folder of a product's, tag's or segment's page: names that slug alike (`B2B`, `b2b`) share one page,
    /// so a map's page can link to its tags without knowing the rest of the site. A name with no letter or digit
    /// to keep is `n`.
    public static func forName(_ name: String) -> String {
        let slug = make(name)
        return slug.isEmpty ? "n" : slug
    }
}
