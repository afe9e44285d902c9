import Foundation
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

    /// A path's parent is the one Foundation gives, for every path of these components a build makes or is given.
    @Test func aPathsParentIsFoundationsForEveryPathOfTheseParts() {
        let parts = ["", "/", "a", "карта", "b.html"]
        var paths = [""]
        for _ in 0..<4 { paths = paths.flatMap { path in parts.map { path + $0 } } }
        var compared = 0
        // Without doubled slashes, which Foundation folds, and without a trailing one, which a build does not make.
        // Foundation stops the program on `a` and `a/` (a name of one character): those are checked below.
        for path in Set(paths).sorted() where !path.contains("//") && (path == "/" || !path.hasSuffix("/")) && path != "a" {
            #expect(path.parentPath == (path as NSString).deletingLastPathComponent, "\(path)")
            compared += 1
        }
        #expect(compared > 100)
        #expect("public/карта/index.html".parentPath == "public/карта")
        #expect("/a".parentPath == "/" && "a".parentPath == "" && "a/".parentPath == "" && "a/b/".parentPath == "a")
    }

    /// Components are joined by one slash; an empty one or `.` adds nothing, and an absolute one stands alone.
    @Test func componentsAreJoinedByOneSlash() {
        let heads = ["", "/", "a", "a/", "/карты", "/карты/", "public/b.html"]
        let tails = ["", ".", "b", "/b", "карта.md", "b/", "..", "сорок два/index.html"]
        for head in heads {
            for tail in tails {
                let expected = tail.isEmpty || tail == "." ? head
                    : head.isEmpty || tail.hasPrefix("/") ? tail : head.hasSuffix("/") ? head + tail : head + "/" + tail
                #expect(head.appendingPath(tail) == expected, "\(head) + \(tail)")
            }
        }
        #expect("/карты".appendingPath("карта.md") == "/карты/карта.md")
        #expect("a/".appendingPath("b") == "a/b" && "/".appendingPath("b") == "/b")
    }
}
