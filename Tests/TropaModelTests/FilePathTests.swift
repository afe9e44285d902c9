import Testing
@testable import TropaModel

/// Paths are ordered by their UTF-8 bytes, whatever the locale or the Unicode normalisation.
@Suite struct FilePathTests {
    @Test func pathsAreOrderedByTheirBytes() {
        // "é" composed (C3 A9) and decomposed (65 CC 81) are one String but not the same bytes.
        let paths = ["", "a", "a-c", "a/b", "a/b/c", "ab", "B", "b", "карта.md", "карты/один.md", "Карта.md",
                     "caf\u{E9}", "cafe\u{301}", "z", "ё", "е"]
        let expected = paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(paths.sorted { $0.utf8Precedes($1) } == expected)
        #expect(expected.prefix(6) == ["", "B", "a", "a-c", "a/b", "a/b/c"])
        #expect("cafe\u{301}".utf8Precedes("caf\u{E9}") && !"caf\u{E9}".utf8Precedes("cafe\u{301}"))
        for path in paths { #expect(!path.utf8Precedes(path)) }
    }
}
