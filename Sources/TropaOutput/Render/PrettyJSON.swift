/// An `Encodable` value as JSON, byte for byte what Foundation's `JSONEncoder` writes with `.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes` and non-finite numbers as strings (`PrettyJSONTests` holds it to that).
/// Every map has a `journey.json`, and through `JSONEncoder` (a class per container, every value boxed, keys sorted
/// through its own dictionary) writing it took more of a cold build than parsing the map. The shapes stay the
/// `Encodable` types of `JourneyJSON`; only the writing is done here.
package enum PrettyJSON {
    package static func text(_ value: some Encodable) -> String {
        let encoder = NodeEncoder()
        // Nothing here throws: encoding fails only where a value's own `encode(to:)` does, and tropa's never do.
        guard (try? value.encode(to: encoder)) != nil else { preconditionFailure("JSON encoding") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * 1024)
        write(encoder.node, depth: 0, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A value as JSON: a scalar already written, or a container its encoder fills in.
    fileprivate enum Node {
        case scalar(String)
        case array(ArrayNode)
        case object(ObjectNode)
    }

    fileprivate final class ArrayNode {
        var items: [Node] = []
    }

    fileprivate final class ObjectNode {
        var entries: [(key: String, node: Node)] = []
    }

    private static func write(_ node: Node, depth: Int, into bytes: inout [UInt8]) {
        switch node {
        case .scalar(let scalar):
            bytes.append(contentsOf: scalar.utf8)
        case .array(let array):
            bytes.append(contentsOf: "[\n".utf8)
            for (index, item) in array.items.enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth + 2))
                write(item, depth: depth + 1, into: &bytes)
            }
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
            bytes.append(0x5D)
        case .object(let object):
            bytes.append(contentsOf: "{\n".utf8)
            for (index, entry) in object.entries.sorted(by: { $0.key.utf8Precedes($1.key) }).enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth + 2))
                bytes.append(contentsOf: quoted(entry.key).utf8)
                bytes.append(contentsOf: " : ".utf8)
                write(entry.node, depth: depth + 1, into: &bytes)
            }
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
            bytes.append(0x7D)
        }
    }

    /// A string literal: quotes, backslashes and control characters escaped, everything else as it is.
    fileprivate static func quoted(_ string: String) -> String {
        let plain = string.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        }
        if plain == true { return "\"" + string + "\"" }
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    fileprivate static func number(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// The node of any value: the scalars a document holds written at once (told by their type, which is cheaper
    /// than a cast), anything else through its own `encode(to:)`.
    fileprivate static func node<Value: Encodable>(_ value: Value) throws -> Node {
        if Value.self == String.self { return .scalar(quoted(value as! String)) }
        if Value.self == Double.self { return .scalar(number(value as! Double)) }
        if Value.self == Int.self { return .scalar(String(value as! Int)) }
        if Value.self == Bool.self { return .scalar(value as! Bool ? "true" : "false") }
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        return encoder.node
    }
}

private final class NodeEncoder: Encoder {
    var node: PrettyJSON.Node = .scalar("{}")
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let object) = node { return KeyedEncodingContainer(KeyedNodeContainer(object: object)) }
        let object = PrettyJSON.ObjectNode()
        node = .object(object)
        return KeyedEncodingContainer(KeyedNodeContainer(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let array) = node { return UnkeyedNodeContainer(array: array) }
        let array = PrettyJSON.ArrayNode()
        node = .array(array)
        return UnkeyedNodeContainer(array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(encoder: self) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: PrettyJSON.ObjectNode
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) { object.entries.append((key.stringValue, .scalar("null"))) }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.entries.append((key.stringValue, try PrettyJSON.node(value)))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                               forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = PrettyJSON.ObjectNode()
        object.entries.append((key.stringValue, .object(nested)))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = PrettyJSON.ArrayNode()
        object.entries.append((key.stringValue, .array(nested)))
        return UnkeyedNodeContainer(array: nested)
    }

    func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = NodeEncoder()
        let nested = PrettyJSON.ObjectNode()
        encoder.node = .object(nested)
        object.entries.append((key.stringValue, .object(nested)))
        return encoder
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let array: PrettyJSON.ArrayNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.items.count }

    func encodeNil() { array.items.append(.scalar("null")) }

    func encode<T: Encodable>(_ value: T) throws { array.items.append(try PrettyJSON.node(value)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = PrettyJSON.ObjectNode()
        array.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = PrettyJSON.ArrayNode()
        array.items.append(.array(nested))
        return UnkeyedNodeContainer(array: nested)
    }

    func superEncoder() -> any Encoder {
        let encoder = NodeEncoder()
        let nested = PrettyJSON.ObjectNode()
        encoder.node = .object(nested)
        array.items.append(.object(nested))
        return encoder
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { [] }

    func encodeNil() { encoder.node = .scalar("null") }

    /// The other scalars (`Float`, integers of other widths) come here as themselves: each has to be written,
    /// not encoded again.
    func encode<T: Encodable>(_ value: T) throws {
        switch value {
        case let integer as any BinaryInteger: encoder.node = .scalar(String(describing: integer))
        case let float as Float:
            encoder.node = .scalar(float.isFinite ? float.description.replacing(/\.0$/, with: "") : PrettyJSON.number(Double(float)))
        default: encoder.node = try PrettyJSON.node(value)
        }
    }
}
