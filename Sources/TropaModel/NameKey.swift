import Foundation

/// The form in which headings and names are compared: case-insensitive (Cyrillic too), `ё` read as `е`,
/// surrounding white space, inner runs of white space and a trailing colon ignored.
public struct NameKey: Hashable, Sendable {
    public let value: String
    /// `value` in Unicode's composed form (NFC), which the key is compared and hashed by: two keys are the same text
    /// exactly when these are the same bytes. The same string as `value` for Latin and Cyrillic names.
    private let composed: String

    public init(_ name: String) {
        if let key = Self.fastKey(name) {
            (value, composed) = (key, key)
        } else {
            value = Self.fullKey(name)
            composed = value.precomposedStringWithCanonicalMapping
        }
    }

    /// Compared and hashed as bytes: a `String` hashes Cyrillic text scalar by scalar, checking each one's
    /// normalization, and the schema's lookups of every heading and metric of every map did so (3 % of checking a site).
    public static func == (lhs: NameKey, rhs: NameKey) -> Bool { lhs.composed.hasSameBytes(as: rhs.composed) }

    public func hash(into hasher: inout Hasher) {
        var composed = composed
        composed.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Latin and Cyrillic text, lower-cased by code point: this runs for every heading, metric and list item of
    /// every map and of every version in its history, so the key is written as UTF-8 bytes. Each scalar it keeps is its
    /// own composed form, and no combining mark is kept to join one, so the key is in NFC as written.
    package static func fastKey(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0:
                pendingSpace = !bytes.isEmpty
                continue
            case 0x41...0x5A, 0x410...0x42F: value += 0x20
            case 0x401, 0x451: value = 0x435
            // Punctuation without case that titles use: « » · — … №.
            case 0x21...0x7F, 0x430...0x44F, 0xA1...0xBF, 0x2010...0x2027, 0x2030...0x205E, 0x2116: break
            default: return nil
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if value < 0x800 {
                bytes.append(UInt8(0xC0 | value >> 6))
                bytes.append(UInt8(0x80 | value & 0x3F))
            } else {
                bytes.append(UInt8(0xE0 | value >> 12))
                bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            }
        }
        // "Эмоции :" leaves a space before the colon; neither belongs to the name.
        while let last = bytes.last, last == UInt8(ascii: ":") || last == 0x20 {
            bytes.removeLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func fullKey(_ name: String) -> String {
        var key = ""
        key.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for character in name.lowercased() {
            if character.isWhitespace {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace {
                key.append(" ")
                pendingSpace = false
            }
            key.append(character == "ё" ? "е" : character)
        }
        while let last = key.last, last == ":" || last == "：" || last == " " {
            key.removeLast()
        }
        return key
    }
}

extension String {
    /// Whether the two are the same UTF-8 bytes: canonically equal text written another way is not (`й` composed
    /// and decomposed), which `==` would find equal, checking scalar by scalar.
    package func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var (left, right) = (self, other)
        return left.withUTF8 { left in
            right.withUTF8 { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
    }
}

extension StringProtocol {
    /// The text as a message quotes it: its first `count` characters and `…` when it is longer.
    package func shortened(to count: Int) -> String {
        self.count <= count ? String(self) : String(prefix(count)) + "…"
    }

    /// Inlinable so that each module's call is specialized for `String` or `Substring`: through the protocol's
    /// witnesses it was 1.7 % of a cold build.
    @inlinable
    package func trimmingWhitespace() -> String {
        // Most text has nothing to trim. When it starts and ends with a visible Latin or Cyrillic scalar, it is
        // returned without being broken into characters (3 % of a build): such a scalar is not white space, and
        // none of them joins a space before it into one character (a combining mark would).
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
           first.isVisibleLatinOrCyrillic, last.isVisibleLatinOrCyrillic {
            return String(self)
        }
        // Nor when such text has spaces, tabs or line breaks around it (a value after its colon, a line before its
        // break): each is a character of its own there, cut by its scalar.
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isASCIIBlank { start = scalars.index(after: start) }
        while end > start, case let before = scalars.index(before: end), scalars[before].isASCIIBlank { end = before }
        if start < end, scalars[start].isVisibleLatinOrCyrillic, scalars[scalars.index(before: end)].isVisibleLatinOrCyrillic {
            return String(self[start..<end])
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension Unicode.Scalar {
    /// A space, a tab or a line feed.
    @usableFromInline
    package var isASCIIBlank: Bool { value == 0x20 || value == 0x09 || value == 0x0A }

    /// A visible Latin or Cyrillic scalar: not white space, and never one character with a space beside it (as a
    /// combining mark after one, or a prepended mark before one, would be).
    @usableFromInline
    package var isVisibleLatinOrCyrillic: Bool {
        switch value {
        case 0x21...0x7E, 0xA1...0x2FF, 0x400...0x482, 0x48A...0x52F: true
        default: false
        }
    }
}

extension Sequence {
    /// In the order of their titles' keys, then of their slugs: how every list of maps is sorted. Each title is keyed
    /// once, not at each comparison (a list may hold thousands of maps).
    package func sortedByTitle(_ title: (Element) -> String, slug: (Element) -> String) -> [Element] {
        map { (key: NameKey(title($0)).value, slug: slug($0), element: $0) }
            .sorted { ($0.key, $0.slug) < ($1.key, $1.slug) }
            .map(\.element)
    }
}
