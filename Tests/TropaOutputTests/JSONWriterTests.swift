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
        let actual = JSONWriter.text(document)
        #expect(actual == expected)
        #expect(actual.contains("\"empty\" : [\n\n  ]"), "an empty array is written as JSONEncoder writes it")
        #expect(!actual.contains("absent") && !actual.contains("missing"), "a nil optional is left out")
    }

    /// Written in parts, a document is the same bytes, cut only once a part has the size asked for, and only
    /// after an element of an array (before the comma or line break that follows it).
    @Test func itWritesTheSameBytesInParts() throws {
        let document = Document(
            absent: nil, doubles: (0..<40).map { Double($0) / 4 }, empty: [], emptyObject: Empty(), flag: false,
            inner: Inner(x: 0, y: "в"), integer: 7, list: (0..<30).map { Inner(x: $0, y: "элемент \($0)") },
            missing: nil, nested: [[1], [2, 3]], present: "p", strings: ["а", "b"])
        let whole = JSONWriter.text(document)
        let parts = JSONWriter.parts(document, partSize: 100)
        #expect(parts.count > 5)
        #expect(String(decoding: Array(parts.joined()), as: UTF8.self) == whole)
        for (part, next) in zip(parts, parts.dropFirst()) {
            #expect(part.count >= 100)
            #expect([UInt8(ascii: ","), 0x0A].contains(next.first!), "cut after an element")
        }
        #expect(JSONWriter.parts(document) == [Array(whole.utf8)], "under a megabyte, one part")
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
            let json = try JSONSerialization.jsonObject(with: Data(JSONWriter.text(document).utf8))
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
