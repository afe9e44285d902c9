import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// `JSONWriter` writes what `JSONEncoder` writes with the options `journey.json` and `maps.json` were first written
/// with; the golden files of every render fixture hold the two documents themselves.
@Suite struct JSONWriterTests {
    struct Inner: Encodable, JSONWritable {
        let x: Int
        let y: String?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("x", x)
                json.member("y", y)
            }
        }
    }

    struct Empty: Encodable, JSONWritable {
        func write(to json: inout JSONWriter) { json.object { _ in } }
    }

    /// Every kind of member a document writes, with the numbers and strings that are written in more than one way.
    struct Document: Encodable, JSONWritable {
        let absent: Double?
        let doubles: [Double]
        let empty: [String]
        let emptyObject: Empty
        let flag: Bool
        let inner: Inner
        let integer: Int
        let list: [Inner]
        let missing: [Inner]?
        let nested: [[Int]]
        let present: String?
        let strings: [String]

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("absent", absent)
                json.member("doubles", doubles)
                json.member("empty", empty)
                json.member("emptyObject", emptyObject)
                json.member("flag", flag)
                json.member("inner", inner)
                json.member("integer", integer)
                json.member("list", list)
                json.member("missing", missing)
                json.key("nested")
                json.array(nested) { json, row in json.array(row) { json, value in json.number(value) } }
                json.member("present", present)
                json.member("strings", strings)
            }
        }
    }

    @Test func itWritesWhatJSONEncoderWrites() throws {
        let document = Document(
            absent: nil,
            doubles: [1, 1.5, 0.1, -0.0, 1e-7, 1e21, 1.2345678901234568e17, 1e16, 0.000001, 12.34, -3, .infinity,
                      -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 984.0000000000001],
            empty: [], emptyObject: Empty(), flag: true, inner: Inner(x: 1, y: nil), integer: -42,
            list: [Inner(x: 2, y: "a"), Inner(x: -3, y: "")], missing: nil, nested: [[], [1, 2]], present: "zz",
            strings: ["a/b", "q\"uote\\", "\u{0}\u{1}\u{8}\u{C}\n\r\t\u{1B}\u{1F}\u{7F}", "é😀\u{2028}\u{FEFF}",
                      "<&>'", "Карта «клиента»", ""])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        let expected = String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        let actual = String(decoding: JSONWriter.bytes(document), as: UTF8.self)
        #expect(actual == expected)
        #expect(actual.contains("\"empty\" : [\n\n  ]"), "an empty array is written as JSONEncoder writes it")
        #expect(!actual.contains("absent") && !actual.contains("missing"), "a nil optional is left out")
    }

    /// A string escaped eight bytes at a time is JSONEncoder's: every sign it escapes, at every place in a word of
    /// text, in ASCII and Cyrillic text.
    @Test func stringsAreEscapedAsJSONEncoderEscapesThem() throws {
        let encoder = JSONEncoder()
        let signs = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "/", "!", "]", "\u{80}"]
        var strings: [String] = []
        for filler in ["abcdefghijklmnopq", "Путь клиента"] {
            for sign in signs {
                for place in 0...16 { strings.append(String(filler.prefix(place)) + sign + String(filler.dropFirst(place)) + sign) }
            }
        }
        let document = Document(absent: nil, doubles: [], empty: [], emptyObject: Empty(), flag: false, inner: Inner(x: 0, y: nil),
                                integer: 0, list: [], missing: nil, nested: [], present: nil, strings: strings)
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        #expect(String(decoding: JSONWriter.bytes(document), as: UTF8.self) == expected)
    }

    /// A document with lists of entries, the first of which is written in parts.
    struct Listing: JSONWritable {
        let entries: MadeWhenRead<Inner>
        let more: MadeWhenRead<Inner>
        let title: String

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("entries", entries: entries)
                json.member("more", entries: more)
                json.member("title", title)
            }
        }
    }

    /// Written in parts, a document is the same bytes: the part before its first list of entries, the entries a run
    /// at a time, each made only when its part is read, and the part after them. A second list is written inline.
    @Test(arguments: [0, 1, 3, 4, 10])
    func itWritesTheSameBytesInParts(count: Int) throws {
        let made = Calls()
        let entries = MadeWhenRead(count: count) { place in
            made.count()
            return Inner(x: place, y: place.isMultiple(of: 2) ? "элемент \(place)" : nil)
        }
        let document = Listing(entries: entries, more: MadeWhenRead(count: 2) { Inner(x: -$0, y: nil) }, title: "т")
        let whole = String(decoding: JSONWriter.bytes(document), as: UTF8.self)
        let madeForText = made.made
        #expect(madeForText == count)
        let parts = JSONWriter.parts(document, run: 3)
        #expect(made.made == madeForText, "no entry is made before its part is read")
        #expect(parts.count == (count + 2) / 3 + 2)
        #expect(String(decoding: Array(parts.joined()), as: UTF8.self) == whole)
        #expect(made.made == 2 * count)
        if count >= 4 {
            let second = parts[2]
            #expect(made.made == 2 * count + min(3, count - 3), "reading a part makes its run only")
            #expect(second.first == UInt8(ascii: ","), "a run after the first begins with the comma before it")
        }
        #expect(whole.contains("\"more\" : [\n    {\n      \"x\" : 0\n    },"), "the second list written inline")
    }

    /// A list of entries deeper in the document: its runs are indented as deep as it is.
    @Test func aListOfEntriesInsideAnObjectIsTheSameInParts() {
        struct Outer: JSONWritable {
            let listing: Listing
            func write(to json: inout JSONWriter) { json.object { $0.member("listing", listing) } }
        }
        let document = Outer(listing: Listing(entries: MadeWhenRead(count: 5) { Inner(x: $0, y: "я") },
                                              more: MadeWhenRead(count: 0) { _ in Inner(x: 0, y: nil) }, title: ""))
        let parts = JSONWriter.parts(document, run: 2)
        #expect(parts.count == 5)
        #expect(Array(parts.joined()) == JSONWriter.bytes(document))
        #expect(String(decoding: parts[2], as: UTF8.self).hasPrefix(",\n      {\n        \"x\" : 2"))
    }

    /// A document without a list of entries is one part.
    @Test func aDocumentWithoutEntriesIsOnePart() {
        let document = Inner(x: 1, y: "у")
        #expect(Array(JSONWriter.parts(document)) == [JSONWriter.bytes(document)])
    }

    /// Each document writes its members by hand: a stored property it forgot would be missing from every file.
    /// Every property with a value must be written under its own name, in every document of the fixtures.
    @Test(arguments: ["ru-persona", "en-multi", "custom-scale", "branched", "segments"])
    func everyStoredValueIsWritten(_ fixture: String) throws {
        let (site, presenter, facts) = try CheckedFixture(fixture).parts
        var documents: [any JSONWritable] = zip(site.journeys, facts).map { journey, facts in
            JourneyJSON.document(journey, facts: facts, evaluation: JourneyEvaluation(facts), presenter: presenter)
        }
        documents.append(JourneyJSON.document(facts.map { SitePageEntry($0, built: true) }, presenter: presenter))
        var written = 0
        for document in documents {
            let json = try JSONSerialization.jsonObject(with: Data(JSONWriter.bytes(document)))
            written += Self.check(document, json, path: fixture)
        }
        #expect(written > 100)
    }

    /// Checks that `json` holds `value`'s stored properties; returns how many it found.
    private static func check(_ value: Any, _ json: Any?, path: String) -> Int {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { check($0.value, json, path: path) } ?? 0
        case .collection:
            let array = json as? [Any]
            #expect(array?.count == mirror.children.count, "\(path) is not the array it holds")
            return mirror.children.enumerated().reduce(0) { count, element in
                count + check(element.element.value, array.flatMap { element.offset < $0.count ? $0[element.offset] : nil },
                              path: "\(path)[\(element.offset)]")
            }
        case .struct where value is any JSONWritable:
            let object = json as? [String: Any]
            var count = 0
            for child in mirror.children {
                guard let label = child.label else { continue }
                let present = Mirror(reflecting: child.value).displayStyle != .optional
                    || !Mirror(reflecting: child.value).children.isEmpty
                #expect((object?[label] != nil) == present, "\(path).\(label) is \(present ? "not written" : "written without a value")")
                if present { count += 1 + check(child.value, object?[label], path: path + "." + label) }
            }
            return count
        default:
            return 0
        }
    }
}
