import Foundation
import Testing
@testable import TropaOutput

/// `PrettyJSON` writes what `JSONEncoder` writes with the options `journey.json` and `maps.json` were first written
/// with; the golden files of every render fixture hold the two documents themselves.
@Suite struct PrettyJSONTests {
    struct Inner: Encodable {
        let x: Int
        let y: String?
    }

    struct Document: Encodable {
        let empty: [Int]
        let emptyObject: [String: Int]
        let nested: [[Int]]
        let inner: Inner
        let list: [Inner]
        let doubles: [Double]
        let floats: [Float]
        let integers: [Int64]
        let bytes: [UInt8]
        let strings: [String]
        let flag: Bool
        let absent: Double?
        let present: String?
        let keys: [String: Int]
        let optionals: [Int?]
    }

    static var foundation: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    @Test func itWritesWhatJSONEncoderWrites() throws {
        let document = Document(
            empty: [], emptyObject: [:], nested: [[], [1, 2]], inner: Inner(x: 1, y: nil),
            list: [Inner(x: 2, y: "a"), Inner(x: -3, y: "")],
            doubles: [1, 1.5, 0.1, -0.0, 1e-7, 1e21, 123456789012345678, 1e16, 0.000001, 12.34, -3, .infinity,
                      -.infinity, .nan, 4.9406564584124654e-324, 1.7976931348623157e308, 984.0000000000001],
            floats: [1, 0.1, 2.5], integers: [0, -1, Int64.max, Int64.min], bytes: [0, 255],
            strings: ["a/b", "q\"uote\\", "\u{0}\u{1}\u{8}\u{C}\n\r\t\u{1B}\u{1F}\u{7F}", "é😀\u{2028}\u{FEFF}",
                      "<&>'", "Карта «клиента»", ""],
            flag: true, absent: nil, present: "zz",
            keys: ["stageCount": 1, "stages": 2, "a10": 3, "a2": 4, "B": 5, "a": 6, "_x": 7, "Ab": 8, "aB": 9,
                   "ё": 10, "я": 11, "": 12],
            optionals: [1, nil, 3])
        let expected = String(decoding: try Self.foundation.encode(document), as: UTF8.self)
        let actual = PrettyJSON.text(document)
        #expect(actual == expected)
        #expect(actual.contains("\"empty\" : [\n\n  ]"), "an empty array is written as JSONEncoder writes it")
        #expect(!actual.contains("absent"), "a nil optional is left out")
    }

    @Test(arguments: [[String](), ["один"]])
    func aTopLevelArrayIsWrittenToo(_ strings: [String]) throws {
        #expect(PrettyJSON.text(strings) == String(decoding: try Self.foundation.encode(strings), as: UTF8.self))
    }
}
